from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/track")
def track():
    campaign = request.args.get("c", "none")
    return Response("ok", headers={"X-Campaign": campaign})  # expect: BST261
