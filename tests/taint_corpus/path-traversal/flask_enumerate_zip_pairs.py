from flask import Flask, request

app = Flask(__name__)


@app.post("/batch/read")
def batch_read():
    names = request.json["names"]
    contents = {}
    for index, name in enumerate(names):
        with open(f"/srv/data/{name}") as fh:  # expect: BST252
            contents[index] = fh.read(200)
    return contents
