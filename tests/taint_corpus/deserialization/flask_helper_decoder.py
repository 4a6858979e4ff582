import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


def decode_token(token: str):
    return pickle.loads(base64.urlsafe_b64decode(token.encode()))  # expect: BST259


@app.route("/resume")
def resume_session():
    state = decode_token(request.args["token"])
    return {"step": state.get("step")}
