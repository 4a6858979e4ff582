import requests
from flask import Flask, request

app = Flask(__name__)


class WebhookClient:
    timeout = 5

    @classmethod
    def deliver(cls, url: str, payload: dict) -> int:
        return requests.post(url, json=payload, timeout=cls.timeout).status_code  # expect: BST254


@app.post("/webhooks/replay")
def replay():
    body = request.get_json()
    return {"status": WebhookClient.deliver(body["url"], body.get("payload", {}))}
