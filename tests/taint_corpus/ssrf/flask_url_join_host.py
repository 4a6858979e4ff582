import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/image-proxy")
def image_proxy():
    scheme = "https"
    host = request.args["cdn"]
    url = "://".join([scheme, host]) + "/img/logo.png"
    return requests.get(url, timeout=5).content  # expect: BST254
