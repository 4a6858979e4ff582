import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/slug-check")
def slug_check():
    pattern = request.args.get("pattern", "")
    pattern = r"^[a-z0-9-]+$"
    return {"ok": bool(re.match(pattern, request.args.get("slug", "")))}
