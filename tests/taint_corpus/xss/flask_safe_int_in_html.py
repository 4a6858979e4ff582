from flask import Flask, request

app = Flask(__name__)


@app.route("/page")
def page():
    number = int(request.args.get("n", "1"))
    return f"<p>You are on page {number}</p>"
