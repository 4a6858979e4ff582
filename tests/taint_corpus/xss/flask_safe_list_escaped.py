from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/tags")
def tags():
    items = [f"<li>{escape(tag)}</li>" for tag in request.args.getlist("tag")]
    return "<ul>" + "".join(items) + "</ul>"
