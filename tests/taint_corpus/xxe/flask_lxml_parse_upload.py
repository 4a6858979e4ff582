from flask import Flask, request
from lxml import etree

app = Flask(__name__)
PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True)


@app.post("/invoices/upload")
def upload_invoice():
    uploaded = request.files["invoice"]
    tree = etree.parse(uploaded.stream, PARSER)  # expect: BST258
    return {"total": tree.findtext("total")}
