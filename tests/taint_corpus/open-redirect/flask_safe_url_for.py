from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login/done")
def login_done():
    request.args.get("next", "/")
    return redirect(url_for("dashboard"))
