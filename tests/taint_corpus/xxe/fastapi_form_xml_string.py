from fastapi import FastAPI, Form
from lxml import etree

app = FastAPI()


@app.post("/xml/echo")
def xml_echo(document: str = Form(...)):
    root = etree.XML(document.encode(), etree.XMLParser(resolve_entities=True))  # expect: BST258
    return {"text": "".join(root.itertext())}
