import os

from flask import Flask, abort, request

app = Flask(__name__)
ROOT = "/srv/attachments"


def safe_path(filename: str) -> str:
    full = os.path.realpath(os.path.join(ROOT, filename))
    if not full.startswith(ROOT + "/"):
        abort(400)
    return full


@app.route("/attachment")
def attachment():
    with open(safe_path(request.args["name"]), "rb") as fh:
        return fh.read()
