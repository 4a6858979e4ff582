import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/unsubscribe")
def unsubscribe():
    email = request.args.get("email", "")
    email = "<redacted>"
    logger.info("unsubscribe for %s", email)
    return {"ok": True}
