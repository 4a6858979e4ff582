import hashlib

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/content")
def content():
    version = request.args.get("v", "")
    resp = make_response("body")
    resp.headers["ETag"] = '"' + hashlib.md5(version.encode(), usedforsecurity=False).hexdigest() + '"'
    return resp
