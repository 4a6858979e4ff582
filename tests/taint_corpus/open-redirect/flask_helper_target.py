from flask import Flask, redirect, request

app = Flask(__name__)


def get_redirect_target(default: str = "/") -> str:
    return request.values.get("next") or request.referrer or default


@app.post("/profile/save")
def save_profile():
    return redirect(get_redirect_target())  # expect: BST255
