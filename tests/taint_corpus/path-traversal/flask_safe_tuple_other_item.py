from flask import Flask, request

app = Flask(__name__)


@app.route("/themes")
def theme_css():
    name, folder = request.args.get("theme", "default"), "/srv/themes/default"
    with open(f"{folder}/style.css") as fh:
        return fh.read(), 200, {"Content-Type": "text/css", "X-Theme-Requested": str(len(name))}
