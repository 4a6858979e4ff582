import os

from flask import Flask, request

app = Flask(__name__)


@app.post("/files/rename")
def rename():
    src = request.form["from"]
    dst = request.form["to"]
    os.rename(os.path.join("/srv/files", src), os.path.join("/srv/files", dst))  # expect: BST252
    return {"ok": True}
