from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/moved")
def moved():
    resp = Response(status=301)
    resp.headers["Location"] = "/new" + request.args.get("path", "/")  # expect: BST261
    return resp
