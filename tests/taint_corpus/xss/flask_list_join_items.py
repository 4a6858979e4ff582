from flask import Flask, request

app = Flask(__name__)


@app.route("/tags")
def tags():
    items = []
    for tag in request.args.getlist("tag"):
        items.append(f"<li>{tag}</li>")
    return "<ul>" + "".join(items) + "</ul>"  # expect: BST253
