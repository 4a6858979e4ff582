import requests
from flask import Flask, request

app = Flask(__name__)


@app.post("/monitors/check")
def check_monitors():
    urls = request.get_json()["urls"]
    results = {}
    for url in urls:
        results[url] = requests.get(url, timeout=3).status_code  # expect: BST254
    return results
