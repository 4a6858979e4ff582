from flask import Flask, render_template_string, request
from markupsafe import escape

app = Flask(__name__)


def render_snippet(snippet: str) -> str:
    return render_template_string("<div>{{ content }}</div>", content=escape(snippet))


@app.route("/snippets/preview", methods=["POST"])
def preview():
    return render_snippet(request.form["snippet"])
