from flask import Flask, request

app = Flask(__name__)


@app.route("/theme")
def theme():
    requested = request.args.get("name", "default")
    selector = "ABC"[1]
    if selector == "A":
        name = requested
    elif selector == "B":
        name = "dark"
    else:
        name = requested
    with open(f"/srv/themes/{name}.css") as fh:
        return fh.read()
