from flask import Flask, request
from lxml import etree

app = Flask(__name__)
PARSERS = {"strict": etree.XMLParser(resolve_entities=False), "legacy": etree.XMLParser(resolve_entities=True)}


@app.post("/import")
def strict_import():
    root = etree.fromstring(request.get_data(), PARSERS["strict"])
    return {"tag": root.tag}
