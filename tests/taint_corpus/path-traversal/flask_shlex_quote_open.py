import shlex

from flask import Flask, request

app = Flask(__name__)


@app.route("/notes")
def read_note():
    # shlex.quote leaves "../../etc/passwd" untouched: it only protects shells.
    name = shlex.quote(request.args.get("note", "todo.txt"))
    with open("/srv/notes/" + name) as fh:  # expect: BST252
        return fh.read()
