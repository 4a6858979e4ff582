import defusedxml.ElementTree
from flask import Flask, request

app = Flask(__name__)


@app.post("/invoices/upload")
def upload_invoice():
    uploaded = request.files["invoice"]
    tree = defusedxml.ElementTree.parse(uploaded.stream)
    return {"total": tree.findtext("total")}
