import html
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/contact")
def contact():
    subject = html.escape(request.form.get("subject", ""))
    logger.info("contact form: %s", subject)  # expect: BST750
    return {"ok": True}
