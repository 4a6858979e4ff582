import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/logs/highlight")
def highlight():
    word = request.args["word"]
    matcher = re.compile(rf"\b{word}\w*", re.IGNORECASE)  # expect: BST262
    lines = ["error: disk full", "warning: slow query"]
    return {"hits": [line for line in lines if matcher.search(line)]}
