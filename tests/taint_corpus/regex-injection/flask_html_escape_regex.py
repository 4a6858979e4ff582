import html
import re

from flask import Flask, request

app = Flask(__name__)
NAMES = ["alice", "bob", "carol"]


@app.route("/names")
def names():
    pattern = html.escape(request.args.get("pattern", ""))
    return {"names": [n for n in NAMES if re.search(pattern, n)]}  # expect: BST262
