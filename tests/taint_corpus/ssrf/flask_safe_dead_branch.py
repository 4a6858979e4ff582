import requests
from flask import Flask, request

app = Flask(__name__)
ALLOW_CUSTOM_FEEDS = False
DEFAULT_FEED = "https://news.example.org/rss"


@app.route("/feed")
def feed():
    url = DEFAULT_FEED
    if ALLOW_CUSTOM_FEEDS:
        url = request.args.get("url", DEFAULT_FEED)
    return requests.get(url, timeout=5).text
