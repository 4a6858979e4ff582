import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/bulk/yaml")
def bulk_yaml():
    documents = [yaml.load(part, Loader=yaml.FullLoader) for part in request.form.getlist("doc")]  # expect: BST259
    return {"n": len(documents)}
