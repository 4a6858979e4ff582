import pickle

from flask import Flask, request

app = Flask(__name__)


@app.post("/batch/restore")
def batch_restore():
    blobs = {k: v.read() for k, v in request.files.items()}
    objects = [pickle.loads(blobs[name]) for name in sorted(blobs)]  # expect: BST259
    return {"n": len(objects)}
