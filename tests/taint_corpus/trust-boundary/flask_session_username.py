from flask import Flask, request, session

app = Flask(__name__)


@app.post("/onboarding/name")
def set_display_name():
    session["display_name"] = request.form["display_name"]  # expect: BST260
    return {"ok": True}
