from flask import Flask, request

app = Flask(__name__)


@app.route("/themes")
def theme_css():
    folder, name = "/srv/themes", request.args.get("theme", "default")
    with open(f"{folder}/{name}/style.css") as fh:  # expect: BST252
        return fh.read(), 200, {"Content-Type": "text/css"}
