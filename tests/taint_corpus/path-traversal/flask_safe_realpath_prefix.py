import os

from flask import Flask, request, abort

app = Flask(__name__)
BASE_DIR = os.path.realpath("/srv/static-docs")


@app.route("/docs")
def docs_page():
    requested = os.path.realpath(os.path.join(BASE_DIR, request.args.get("page", "index.html")))
    if not requested.startswith(BASE_DIR + os.sep):
        abort(403)
    with open(requested, encoding="utf-8") as page:
        return page.read()
