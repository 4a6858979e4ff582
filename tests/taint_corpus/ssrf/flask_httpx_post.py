import httpx
from flask import Flask, request

app = Flask(__name__)


@app.post("/integrations/notify")
def notify_integration():
    endpoint = request.form["endpoint"]
    httpx.post(endpoint, json={"event": "deploy"})  # expect: BST254
    return "", 202
