import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/hook")
def hook():
    event = {"meta": {"source": "github", "actor": request.json.get("sender", "")}}
    log.info("hook from %s", event["meta"]["source"])
    return {"ok": True}
