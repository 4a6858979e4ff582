from flask import Flask, abort, request, session

app = Flask(__name__)
VIEWABLE_ROLES = {"viewer", "editor"}


@app.post("/preview-as")
def preview_as():
    role = request.form["role"]
    if role not in VIEWABLE_ROLES:
        abort(400)
    session["preview_role"] = role
    return {"ok": True}
