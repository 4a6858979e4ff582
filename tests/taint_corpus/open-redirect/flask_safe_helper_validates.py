from urllib.parse import urljoin, urlparse

from flask import Flask, redirect, request

app = Flask(__name__)
ALLOWED_NETLOCS = {"app.example.com"}


def get_redirect_target(default: str = "/") -> str:
    target = request.values.get("next", default)
    if urlparse(urljoin("https://app.example.com/", target)).netloc in ALLOWED_NETLOCS:
        return target
    return default


@app.post("/profile/save")
def save_profile():
    return redirect(get_redirect_target())
