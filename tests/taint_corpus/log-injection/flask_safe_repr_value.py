import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/q")
def q():
    term = request.args.get("q", "")
    log.info("query=%r", len(term))
    return {"ok": True}
