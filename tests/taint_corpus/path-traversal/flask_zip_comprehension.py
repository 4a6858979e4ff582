import zipfile

from flask import Flask, request, send_file

app = Flask(__name__)


@app.post("/bundle")
def bundle():
    paths = [f"/srv/docs/{name}" for name in request.json["documents"]]
    with zipfile.ZipFile("/tmp/bundle.zip", "w") as zf:
        for path in paths:
            with open(path, "rb") as fh:  # expect: BST252
                zf.writestr(path.rsplit("/", 1)[-1], fh.read())
    return send_file("/tmp/bundle.zip")
