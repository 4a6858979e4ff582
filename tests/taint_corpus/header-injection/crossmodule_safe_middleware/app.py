from flask import Flask, request

from headers import tag_response

app = Flask(__name__)


@app.route("/")
def index():
    return tag_response("home", request.args.get("variant", "a"))
