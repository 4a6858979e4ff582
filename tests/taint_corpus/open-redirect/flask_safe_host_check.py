from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)
TRUSTED_HOSTS = ("shop.example.com", "help.example.com")


@app.route("/out")
def outbound():
    target = request.args.get("to", "https://shop.example.com/")
    if urlparse(target).netloc in TRUSTED_HOSTS:
        return redirect(target)
    return redirect("/")
