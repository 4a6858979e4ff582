from flask import Flask, request

app = Flask(__name__)


@app.route("/welcome-back")
def welcome_back():
    last_seen = request.cookies.get("last_seen", "never")
    html = "<p>Last visit: {}</p>".format(last_seen)
    return html  # expect: BST253
