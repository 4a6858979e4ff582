from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/chapters.xml")


@app.route("/chapter")
def chapter():
    number = int(request.args.get("n", "1"))
    title = doc.xpath(f"string(//chapter[{number}]/title)")
    return {"title": title}
