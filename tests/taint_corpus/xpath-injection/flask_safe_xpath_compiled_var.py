from flask import Flask, request
from lxml import etree

app = Flask(__name__)
FIND_PRICE = etree.XPath("//product[@sku=$sku]/price/text()")


class ProductFeed:
    def __init__(self, path: str) -> None:
        self.root = etree.parse(path).getroot()

    def price_of(self, sku: str) -> list:
        return FIND_PRICE(self.root, sku=sku)


feed = ProductFeed("/srv/feeds/products.xml")


@app.route("/price")
def price():
    return {"price": feed.price_of(request.args["sku"])}
