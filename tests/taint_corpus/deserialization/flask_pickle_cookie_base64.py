import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/preferences")
def preferences():
    raw = request.cookies.get("prefs")
    if raw is None:
        return {"prefs": {}}
    prefs = pickle.loads(base64.b64decode(raw))  # expect: BST259
    return {"prefs": prefs}
