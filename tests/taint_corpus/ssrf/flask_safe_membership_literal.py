import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/feeds/refresh")
def refresh_feed():
    feed = request.args.get("feed", "")
    if feed in ("https://blog.example.org/rss", "https://status.example.org/feed"):
        return {"items": requests.get(feed, timeout=5).text[:200]}
    return {"error": "unknown feed"}, 400
