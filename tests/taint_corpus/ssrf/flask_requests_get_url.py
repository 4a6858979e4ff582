import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/preview")
def link_preview():
    url = request.args["url"]
    page = requests.get(url, timeout=5)  # expect: BST254
    return {"status": page.status_code, "length": len(page.text)}
