import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/match")
def match():
    pattern = "^{prefix}-[0-9]+$".format_map({"prefix": request.args.get("prefix", "INV")})
    return {"ok": re.match(pattern, request.args.get("id", "")) is not None}  # expect: BST262
