import base64

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/r")
def r():
    encoded = base64.b64encode(request.args.get("u", "/").encode())
    return redirect(base64.b64decode(encoded).decode())  # expect: BST255
