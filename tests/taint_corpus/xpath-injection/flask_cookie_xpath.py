from flask import Flask, request
from lxml import etree

app = Flask(__name__)
prefs = etree.parse("/srv/data/prefs.xml")


@app.route("/prefs")
def user_prefs():
    profile = request.cookies.get("profile", "default")
    nodes = prefs.getroot().xpath("/prefs/profile[@name='" + profile + "']/*")  # expect: BST257
    return {child.tag: child.text for child in nodes}
