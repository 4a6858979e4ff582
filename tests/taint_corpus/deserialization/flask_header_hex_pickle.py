import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/state")
def state():
    blob = bytes.fromhex(request.headers.get("X-State", ""))
    return {"state": repr(pickle.loads(blob))}  # expect: BST259
