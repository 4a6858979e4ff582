import requests
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Subscription(BaseModel):
    callback: str
    topic: str


@app.post("/subscriptions")
def subscribe(sub: Subscription):
    requests.post(sub.callback, json={"topic": sub.topic, "challenge": "ping"}, timeout=5)  # expect: BST254
    return {"subscribed": sub.topic}
