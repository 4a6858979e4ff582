import subprocess

from flask import Flask, request

app = Flask(__name__)


def thumbnail_command(path: str, size: str) -> str:
    return "convert {} -resize {} /tmp/thumb.png".format(path, size)


@app.post("/thumbnails")
def make_thumbnail():
    size = request.form.get("size", "128x128")
    subprocess.Popen(thumbnail_command("/srv/uploads/latest.png", size), shell=True)  # expect: BST251
    return {"queued": True}
