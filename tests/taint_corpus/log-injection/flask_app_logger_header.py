from flask import Flask, request

app = Flask(__name__)


@app.route("/")
def index():
    app.logger.debug("User-Agent: " + request.headers.get("User-Agent", ""))  # expect: BST750
    return "ok"
