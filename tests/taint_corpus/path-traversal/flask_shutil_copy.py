import shutil

from flask import Flask, request

app = Flask(__name__)


@app.post("/templates/clone")
def clone_template():
    data = request.get_json()
    shutil.copyfile("/srv/templates/base.html", "/srv/templates/" + data["name"])  # expect: BST252
    return {"created": data["name"]}
