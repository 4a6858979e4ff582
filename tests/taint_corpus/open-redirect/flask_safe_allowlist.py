from flask import Flask, redirect, request

app = Flask(__name__)
SAFE_TARGETS = {"/", "/dashboard", "/settings"}


@app.route("/login/done")
def login_done():
    next_url = request.args.get("next", "/")
    if next_url not in SAFE_TARGETS:
        next_url = "/"
    return redirect(next_url)
