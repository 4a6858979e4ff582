from flask import Flask, request
from lxml import etree

app = Flask(__name__)
PARSER = etree.XMLParser(resolve_entities=True)
TEMPLATE = b"<!DOCTYPE note [<!ENTITY org 'Example Org'>]><note><from>&org;</from></note>"


@app.route("/note")
def note():
    recipient = request.args.get("to", "")
    root = etree.fromstring(TEMPLATE, PARSER)
    return {"from": root.findtext("from"), "to": recipient}
