import os

from flask import Flask, request

app = Flask(__name__)


def attachment_path(ticket_id: str, filename: str) -> str:
    return os.path.join("/srv/attachments", ticket_id, filename)


def read_attachment(path: str) -> bytes:
    with open(path, "rb") as fh:  # expect: BST252
        return fh.read()


@app.route("/tickets/<int:ticket_id>/attachment")
def attachment(ticket_id):
    data = read_attachment(attachment_path(str(ticket_id), request.args["name"]))
    return data, 200, {"Content-Type": "application/octet-stream"}
