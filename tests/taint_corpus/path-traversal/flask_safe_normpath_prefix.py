import os

from flask import Flask, abort, request

app = Flask(__name__)
NOTES = "/srv/notes"


@app.route("/notes")
def read_note():
    path = os.path.normpath(os.path.join(NOTES, request.args.get("note", "todo.txt")))
    if not path.startswith(NOTES + os.sep):
        abort(404)
    with open(path) as fh:
        return fh.read()
