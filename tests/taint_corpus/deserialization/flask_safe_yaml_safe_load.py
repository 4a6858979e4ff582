import yaml
from flask import Flask, request

app = Flask(__name__)


@app.post("/pipelines/validate")
def validate_pipeline():
    config = yaml.safe_load(request.get_data(as_text=True))
    return {"stages": list(config.get("stages", []))}
