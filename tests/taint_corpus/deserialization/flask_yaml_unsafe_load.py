import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/deploy/manifest")
def deploy_manifest():
    manifest = request.files["manifest"].read()
    spec = yaml.unsafe_load(manifest)  # expect: BST259
    return {"services": sorted(spec)}
