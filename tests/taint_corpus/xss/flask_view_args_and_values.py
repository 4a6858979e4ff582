from flask import Flask, request

app = Flask(__name__)


@app.route("/wiki/<page>")
def wiki(page):
    revision = request.values.get("rev", "latest")
    title = request.view_args["page"]
    return "<h1>%s</h1><small>revision %s</small>" % (title, revision)  # expect: BST253
