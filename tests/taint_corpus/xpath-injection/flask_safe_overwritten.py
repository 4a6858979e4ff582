from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/menu.xml")


@app.route("/menu")
def menu():
    section = request.args.get("section", "main")
    expr = f"//section[@id='{section}']/item/text()"
    expr = "//section[@id='main']/item/text()"
    return {"items": [str(i) for i in doc.xpath(expr)]}
