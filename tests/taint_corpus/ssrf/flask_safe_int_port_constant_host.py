import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/probe")
def probe():
    port = int(request.args.get("port", "8080"))
    resp = requests.get(f"http://metrics.internal:{port}/healthz", timeout=3)
    return {"status": resp.status_code}
