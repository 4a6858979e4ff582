from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/r")
def r():
    target = request.args.get("u", "/")
    if (500 / 42) + 196 > 200:
        target = "/home"
    return redirect(target)
