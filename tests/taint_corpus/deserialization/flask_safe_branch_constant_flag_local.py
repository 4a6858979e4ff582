import json
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/state")
def state():
    use_pickle = False
    blob = request.get_data()
    data = pickle.loads(blob) if use_pickle else json.loads(blob)
    return {"state": data}
