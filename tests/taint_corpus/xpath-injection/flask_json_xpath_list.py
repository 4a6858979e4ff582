from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/inventory.xml")


@app.post("/inventory/query")
def inventory_query():
    conditions = [f"@{k}='{v}'" for k, v in request.get_json().items()]
    expr = "//item[" + " and ".join(conditions) + "]"
    return {"count": len(doc.xpath(expr))}  # expect: BST257
