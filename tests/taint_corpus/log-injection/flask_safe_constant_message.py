import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/feedback")
def feedback():
    text = request.form.get("text", "")
    logger.info("feedback received (%d characters)", len(text))
    return {"thanks": True}
