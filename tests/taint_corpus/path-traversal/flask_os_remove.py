import os

from flask import Flask, request

app = Flask(__name__)


@app.post("/cache/evict")
def evict():
    key = request.form["key"]
    os.remove(f"/var/cache/app/{key}")  # expect: BST252
    return {"evicted": key}
