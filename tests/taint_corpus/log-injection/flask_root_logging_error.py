import logging

from flask import Flask, request

app = Flask(__name__)


@app.errorhandler(404)
def not_found(error):
    logging.error("404 for path %s", request.path)  # expect: BST750
    return {"error": "not found"}, 404
