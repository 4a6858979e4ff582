from flask import Flask, request
from lxml import etree

app = Flask(__name__)
LEGACY_DTD_SUPPORT = False


@app.post("/legacy/xml")
def legacy_xml():
    data = request.get_data()
    if LEGACY_DTD_SUPPORT:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=True))
    else:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    return {"tag": root.tag}
