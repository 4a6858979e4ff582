from flask import Flask, request
from jinja2 import Environment, FileSystemLoader

app = Flask(__name__)
env = Environment(loader=FileSystemLoader("templates"), autoescape=True)
LABELS = {"short": "label_short.txt", "long": "label_long.txt"}


@app.route("/labels")
def label():
    kind = request.args.get("kind", "short")
    return env.get_template(LABELS.get(kind, "label_short.txt")).render(sku=request.args.get("sku", ""))
