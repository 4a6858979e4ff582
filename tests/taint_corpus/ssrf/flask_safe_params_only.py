import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/weather")
def weather():
    city = request.args.get("city", "Paris")
    r = requests.get("https://api.weather.example/v1/current", params={"q": city}, timeout=5)
    return r.json()
