from flask import Flask, request

app = Flask(__name__)
banner_text = "Welcome"


@app.post("/admin/banner")
def set_banner():
    global banner_text
    banner_text = request.form["text"]
    return {"ok": True}


@app.route("/")
def home():
    return f"<div class='banner'>{banner_text}</div>"  # expect: BST253
