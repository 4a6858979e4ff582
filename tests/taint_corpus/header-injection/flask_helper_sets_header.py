from flask import Flask, Response, request

app = Flask(__name__)


def with_request_id(resp: Response, request_id: str) -> Response:
    resp.headers["X-Request-Id"] = request_id  # expect: BST261
    return resp


@app.route("/ping")
def ping():
    return with_request_id(Response("pong"), request.headers.get("X-Request-Id", "none"))
