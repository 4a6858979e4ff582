import json
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/events")
def events():
    event = json.loads(request.get_data())
    logger.info("event type %s", event.get("type"))  # expect: BST750
    return {"ok": True}
