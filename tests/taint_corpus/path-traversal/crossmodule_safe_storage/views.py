from flask import Flask, request

from storage import LocalStorage

app = Flask(__name__)
store = LocalStorage("/srv/blobs")


@app.route("/blobs")
def get_blob():
    return store.load(request.args["key"])
