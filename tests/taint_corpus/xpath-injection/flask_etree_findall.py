import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
tree = ET.parse("/srv/data/users.xml")


@app.post("/login")
def login():
    user = request.form["user"]
    matches = tree.getroot().findall(".//user[@name='" + user + "']")  # expect: BST257
    return {"ok": bool(matches)}
