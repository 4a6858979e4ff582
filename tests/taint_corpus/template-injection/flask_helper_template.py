from flask import Flask, render_template_string, request

app = Flask(__name__)


def render_snippet(snippet: str, **context) -> str:
    return render_template_string("{% extends 'base.html' %}{% block body %}" + snippet + "{% endblock %}", **context)  # expect: BST263


@app.route("/snippets/preview", methods=["POST"])
def preview():
    return render_snippet(request.form["snippet"], title="Preview")
