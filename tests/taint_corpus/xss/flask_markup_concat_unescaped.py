from flask import Flask, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/note")
def note():
    note = request.args.get("note", "")
    return Markup("<aside>" + note + "</aside>")  # expect: BST253
