from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login/done")
def login_done():
    next_url = request.args.get("next", "/")
    return redirect(next_url)  # expect: BST255
