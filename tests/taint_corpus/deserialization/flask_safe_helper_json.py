import base64
import json

from flask import Flask, request

app = Flask(__name__)


def decode_token(token: str):
    return json.loads(base64.urlsafe_b64decode(token.encode()))


@app.route("/resume")
def resume_session():
    state = decode_token(request.args["token"])
    return {"step": state.get("step")}
