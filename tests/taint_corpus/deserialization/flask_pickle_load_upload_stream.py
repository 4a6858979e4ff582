import pickle

from flask import Flask, request

app = Flask(__name__)


@app.post("/models")
def upload_model():
    model = pickle.load(request.files["model"].stream)  # expect: BST259
    return {"type": type(model).__name__}
