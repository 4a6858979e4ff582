from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/users.xml")


@app.route("/user")
def user():
    parts = ["guest", request.args.get("name", ""), "member"]
    parts.remove("guest")
    role = parts[-1]
    return {"n": len(doc.xpath(f"//user[@role='{role}']"))}
