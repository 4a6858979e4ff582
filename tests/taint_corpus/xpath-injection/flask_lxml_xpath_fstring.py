from flask import Flask, request
from lxml import etree

app = Flask(__name__)
catalog = etree.parse("/srv/data/catalog.xml")


@app.route("/books")
def books_by_author():
    author = request.args.get("author", "")
    titles = catalog.xpath(f"//book[author='{author}']/title/text()")  # expect: BST257
    return {"titles": [str(t) for t in titles]}
