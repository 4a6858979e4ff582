import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    clean = term.replace("\r", "").replace("\n", "")
    logger.info("search term=%s", clean)
    return {"q": term}
