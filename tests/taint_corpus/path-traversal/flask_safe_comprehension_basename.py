import os
import zipfile

from flask import Flask, request, send_file

app = Flask(__name__)


@app.post("/bundle")
def bundle():
    paths = [os.path.join("/srv/docs", os.path.basename(name)) for name in request.json["documents"]]
    with zipfile.ZipFile("/tmp/bundle.zip", "w") as zf:
        for path in paths:
            with open(path, "rb") as fh:
                zf.writestr(path.rsplit("/", 1)[-1], fh.read())
    return send_file("/tmp/bundle.zip")
