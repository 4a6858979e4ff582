from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/bulk/xml")
def bulk_xml():
    upload = request.files["bulk"]
    count = 0
    for _, element in etree.iterparse(upload.stream, resolve_entities=True, load_dtd=True):  # expect: BST258
        count += 1
        element.clear()
    return {"elements": count}
