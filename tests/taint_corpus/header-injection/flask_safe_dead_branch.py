from flask import Flask, Response, request

app = Flask(__name__)
ECHO_DEBUG_HEADERS = False


@app.route("/status")
def status():
    resp = Response("ok")
    if ECHO_DEBUG_HEADERS:
        resp.headers["X-Debug-Echo"] = request.args.get("echo", "")
    return resp
