from flask import Flask, request

app = Flask(__name__)
ALLOW_ARBITRARY_EXPORT = True


@app.route("/export")
def export():
    target = request.args.get("target", "")
    path = "/srv/exports/latest.csv"
    if ALLOW_ARBITRARY_EXPORT:
        path = "/srv/exports/" + target
    with open(path) as fh:  # expect: BST252
        return fh.read()
