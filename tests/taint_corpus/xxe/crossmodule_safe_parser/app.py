from flask import Flask, request

from xmlutil import parse_document

app = Flask(__name__)


@app.post("/documents")
def documents():
    root = parse_document(request.get_data())
    return {"root": root.tag}
