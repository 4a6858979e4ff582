import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/tags")
def add_tags():
    tags = request.form.getlist("tag")
    logger.info("adding tags: " + ", ".join(tags))  # expect: BST750
    return {"n": len(tags)}
