import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/probe")
def probe():
    host = request.args.get("host", "localhost")
    port = int(request.args.get("port", "80"))
    resp = requests.get(f"http://{host}:{port}/", timeout=3)  # expect: BST254
    return {"status": resp.status_code}
