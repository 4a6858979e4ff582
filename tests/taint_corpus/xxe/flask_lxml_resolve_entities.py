from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/import/catalog")
def import_catalog():
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(request.data, parser)  # expect: BST258
    return {"products": len(root.findall("product"))}
