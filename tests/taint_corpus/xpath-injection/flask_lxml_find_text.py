from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("/srv/data/config.xml")


@app.route("/setting")
def setting():
    key = request.args.get("key", "")
    return {"value": tree.xpath("string(/config/setting[@key='" + key + "']/@value)")}  # expect: BST257
