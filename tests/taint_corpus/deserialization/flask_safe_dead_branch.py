import json
import pickle

from flask import Flask, request

app = Flask(__name__)
ACCEPT_PICKLE = False


@app.post("/import")
def import_data():
    body = request.get_data()
    if ACCEPT_PICKLE:
        data = pickle.loads(body)
    else:
        data = json.loads(body)
    return {"n": len(data)}
