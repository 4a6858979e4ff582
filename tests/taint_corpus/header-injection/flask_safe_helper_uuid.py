import uuid

from flask import Flask, Response, request

app = Flask(__name__)


def with_request_id(resp: Response, request_id: str) -> Response:
    resp.headers["X-Request-Id"] = request_id
    return resp


@app.route("/ping")
def ping():
    incoming = request.headers.get("X-Request-Id", "")
    return with_request_id(Response("pong"), str(uuid.uuid4()) if not incoming else str(uuid.UUID(incoming)))
