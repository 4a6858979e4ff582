from flask import Flask, request

from tasks import render_video

app = Flask(__name__)


@app.post("/render")
def render():
    title = request.form.get("title", "untitled")
    render_video(title)
    return {"queued": title}
