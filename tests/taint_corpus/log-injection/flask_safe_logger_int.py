import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/orders")
def orders():
    page = int(request.args.get("page", "1"))
    logger.info("Listing orders page %d", page)
    return {"page": page}
