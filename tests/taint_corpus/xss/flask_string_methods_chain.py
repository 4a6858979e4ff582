from flask import Flask, request

app = Flask(__name__)


@app.route("/shout")
def shout():
    text = request.args.get("text", "").strip().upper().replace(" ", "!")
    return "<h1>" + text.center(40) + "</h1>"  # expect: BST253
