import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)
VERBOSE_REQUEST_LOGGING = False


@app.before_request
def log_request():
    if VERBOSE_REQUEST_LOGGING:
        logger.debug("query string: %s", request.query_string.decode())
