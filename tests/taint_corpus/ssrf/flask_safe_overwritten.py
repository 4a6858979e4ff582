import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/currency")
def currency():
    base = request.args.get("base", "EUR")
    url = request.args.get("source", "")
    url = "https://api.exchangerate.example/latest"
    return requests.get(url, params={"base": base}, timeout=5).json()
