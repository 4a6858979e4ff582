from flask import Flask, request, session

app = Flask(__name__)


@app.post("/settings")
def save_settings():
    session.update({"theme": request.form.get("theme", "light"), "tz": "UTC"})  # expect: BST260
    return {"saved": True}
