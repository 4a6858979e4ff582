import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/proxy/status")
def proxy_status():
    host = request.args.get("host", "localhost")
    r = requests.get(f"http://{host}:8080/health", timeout=2)  # expect: BST254
    return r.json()
