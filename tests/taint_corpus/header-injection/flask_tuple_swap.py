from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/swap")
def swap():
    a, b = "fixed", request.args.get("v", "")
    a, b = b, a
    resp = make_response("ok")
    resp.headers["X-Value"] = a  # expect: BST261
    return resp
