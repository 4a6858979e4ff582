import html

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/greeting")
def greeting():
    who = html.escape(request.args.get("who", "friend"))
    resp = make_response("hello")
    resp.headers["X-Greeted"] = who  # expect: BST261
    return resp
