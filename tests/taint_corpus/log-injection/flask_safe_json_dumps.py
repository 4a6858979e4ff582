import json
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/contact")
def contact():
    subject = request.form.get("subject", "")
    logger.info("contact form: %s", json.dumps(subject))
    return {"ok": True}
