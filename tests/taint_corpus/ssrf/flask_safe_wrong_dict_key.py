import requests
from flask import Flask, request

app = Flask(__name__)


@app.post("/hooks")
def hooks():
    config = {"url": "https://hooks.example.com/incoming", "label": request.form.get("label", "")}
    requests.post(config["url"], json={"label": config["label"]}, timeout=5)
    return "", 204
