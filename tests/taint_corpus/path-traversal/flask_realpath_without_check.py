import os

from flask import Flask, request

app = Flask(__name__)
BASE_DIR = os.path.realpath("/srv/static-docs")


@app.route("/docs")
def docs_page():
    requested = os.path.realpath(os.path.join(BASE_DIR, request.args.get("page", "index.html")))
    with open(requested, encoding="utf-8") as page:  # expect: BST252
        return page.read()
