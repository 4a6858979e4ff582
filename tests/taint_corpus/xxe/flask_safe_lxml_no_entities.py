from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/import/catalog")
def import_catalog():
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(request.data, parser)
    return {"products": len(root.findall("product"))}
