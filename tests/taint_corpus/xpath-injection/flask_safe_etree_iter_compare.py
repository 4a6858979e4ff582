import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
tree = ET.parse("/srv/data/users.xml")


@app.post("/login")
def login():
    user = request.form["user"]
    matches = [node for node in tree.getroot().iter("user") if node.get("name") == user]
    return {"ok": bool(matches)}
