from flask import Flask, request, session

app = Flask(__name__)


@app.post("/wizard/step")
def wizard_step():
    for key, value in request.get_json().items():
        session[f"wizard_{key}"] = value  # expect: BST260
    return {"ok": True}
