import os

from flask import Flask, request

app = Flask(__name__)
UPLOAD_FOLDER = "/srv/uploads"


@app.post("/upload")
def upload():
    uploaded = request.files["document"]
    destination = os.path.join(UPLOAD_FOLDER, uploaded.filename)
    with open(destination, "wb") as out:  # expect: BST252
        out.write(uploaded.read())
    return {"stored": uploaded.filename}
