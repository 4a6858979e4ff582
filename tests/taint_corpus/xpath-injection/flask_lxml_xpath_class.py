from flask import Flask, request
from lxml import etree

app = Flask(__name__)


class ProductFeed:
    def __init__(self, path: str) -> None:
        self.root = etree.parse(path).getroot()

    def price_of(self, sku: str) -> list:
        expr = etree.XPath("//product[@sku='%s']/price/text()" % sku)  # expect: BST257
        return expr(self.root)


feed = ProductFeed("/srv/feeds/products.xml")


@app.route("/price")
def price():
    return {"price": feed.price_of(request.args["sku"])}
