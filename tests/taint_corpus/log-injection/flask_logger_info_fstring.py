import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/login")
def login():
    username = request.form.get("username", "")
    logger.info(f"Login attempt for user {username}")  # expect: BST750
    return {"ok": True}
