import re

from flask import Flask, request

app = Flask(__name__)


def make_matcher(expression: str):
    return re.compile(expression).fullmatch  # expect: BST262


@app.route("/routes/test")
def test_route():
    matches = make_matcher(request.args["expr"])
    return {"match": bool(matches("/api/v1/users"))}
