from urllib.request import urlopen

from flask import Flask, request

app = Flask(__name__)


@app.post("/webhooks/test")
def test_webhook():
    target = request.json["callback_url"]
    with urlopen(target, timeout=3) as resp:  # expect: BST254
        return {"status": resp.status}
