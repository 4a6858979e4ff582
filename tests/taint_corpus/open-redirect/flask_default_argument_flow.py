from flask import Flask, redirect, request

app = Flask(__name__)


def go_back(fallback: str, target: str | None = None):
    return redirect(target or fallback)  # expect: BST255


@app.post("/comments")
def post_comment():
    return go_back("/", target=request.form.get("back"))
