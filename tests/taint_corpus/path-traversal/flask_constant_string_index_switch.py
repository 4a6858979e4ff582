from flask import Flask, request

app = Flask(__name__)


@app.route("/theme")
def theme():
    requested = request.args.get("name", "default")
    selector = "ABC"[2]
    if selector == "A":
        name = "light"
    elif selector == "C":
        name = requested
    else:
        name = "dark"
    with open(f"/srv/themes/{name}.css") as fh:  # expect: BST252
        return fh.read()
