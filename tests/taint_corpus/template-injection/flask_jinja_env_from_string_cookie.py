from flask import Flask, request
from jinja2 import Environment

app = Flask(__name__)
env = Environment()


@app.route("/sig")
def signature():
    sig = request.cookies.get("signature", "")
    return env.from_string("<footer>" + sig + "</footer>").render()  # expect: BST263
