import os

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_FOLDER = "/srv/uploads"


@app.post("/upload")
def upload():
    uploaded = request.files["document"]
    destination = os.path.join(UPLOAD_FOLDER, secure_filename(uploaded.filename))
    with open(destination, "wb") as out:
        out.write(uploaded.read())
    return {"stored": destination}
