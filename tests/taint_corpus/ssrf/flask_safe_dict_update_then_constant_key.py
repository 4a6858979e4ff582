import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/check")
def check():
    settings = {"endpoint": "https://status.example.com/api"}
    settings.update({"label": request.args.get("label", "")})
    return {"status": requests.get(settings["endpoint"], timeout=3).status_code, "label": settings["label"]}
