import jsonpickle
from flask import Flask, request

app = Flask(__name__)


@app.post("/state")
def load_state():
    state = jsonpickle.decode(request.form["state"])  # expect: BST259
    return {"keys": sorted(vars(state))}
