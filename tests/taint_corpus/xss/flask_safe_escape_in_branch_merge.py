import html

from flask import Flask, request

app = Flask(__name__)


@app.route("/say")
def say():
    raw = request.args.get("text", "")
    if len(raw) > 200:
        text = "(too long)"
    else:
        text = html.escape(raw)
    return "<blockquote>" + text + "</blockquote>"
