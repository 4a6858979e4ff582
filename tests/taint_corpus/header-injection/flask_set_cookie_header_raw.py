from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/lang")
def lang():
    value = request.args.get("lang", "en")
    resp = make_response("ok")
    resp.headers.set("Content-Language", value)  # expect: BST261
    return resp
