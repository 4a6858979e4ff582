from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/svg/validate")
def validate_svg():
    # lxml's default parser resolves entities (external ones from local files before lxml 5).
    svg = etree.fromstring(request.form["svg"].encode())  # expect: BST258
    return {"width": svg.get("width"), "height": svg.get("height")}
