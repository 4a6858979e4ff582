from flask import Flask, request

app = Flask(__name__)


@app.route("/banner")
def banner():
    message = request.args.get("msg", "")
    message = "Thanks for your feedback!" if message else "Welcome back!"
    return f"<div class='banner'>{message}</div>"
