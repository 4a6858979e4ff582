import base64

from flask import Flask, request, send_file

app = Flask(__name__)


@app.route("/share/<token>")
def shared_file(token):
    relative = base64.urlsafe_b64decode(token).decode()
    return send_file("/srv/shared/" + relative)  # expect: BST252
