from flask import Flask, request
from lxml import etree

app = Flask(__name__)
etree.set_default_parser(etree.XMLParser(resolve_entities=True, no_network=False))


@app.post("/xml")
def xml_in():
    doc = etree.fromstring(request.get_data())  # expect: BST258
    return {"tag": doc.tag}
