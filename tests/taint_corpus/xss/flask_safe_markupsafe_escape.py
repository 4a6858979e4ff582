from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/search")
def search():
    query = request.args.get("q", "")
    return "<p>No results for <b>%s</b></p>" % escape(query)
