import yaml
from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/config/preview")
def preview_config(config_text: str = Form(...)):
    return {"config": yaml.load(config_text, Loader=yaml.UnsafeLoader)}  # expect: BST259
