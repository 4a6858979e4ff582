import pickle

from flask import Flask, request

app = Flask(__name__)


@app.post("/warmup")
def warmup():
    blob = request.get_data()
    blob = pickle.dumps(["index", "about", "pricing"])
    pages = pickle.loads(blob)
    return {"warmed": pages}
