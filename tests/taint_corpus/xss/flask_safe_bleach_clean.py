import bleach
from flask import Flask, request

app = Flask(__name__)


@app.post("/comments/preview")
def preview_comment():
    body = bleach.clean(request.form["body"], tags=["b", "i", "a"], strip=True)
    return f"<div class='comment'>{body}</div>"
