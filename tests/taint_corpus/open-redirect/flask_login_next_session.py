from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.route("/login")
def login_page():
    session["next"] = "/"
    nxt = request.args.get("next")
    return redirect(nxt if nxt else "/")  # expect: BST255
