import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/check")
def check():
    target = request.args.get("targets", "").split(",")[0].strip()
    return {"status": requests.get(target, timeout=3).status_code}  # expect: BST254
