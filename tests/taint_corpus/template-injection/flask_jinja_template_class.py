from flask import Flask, request
from jinja2 import Template

app = Flask(__name__)


@app.route("/labels")
def label():
    fmt = request.args.get("format", "{{ sku }}")
    return Template(fmt).render(sku="AB-1234", price="9.99")  # expect: BST263
