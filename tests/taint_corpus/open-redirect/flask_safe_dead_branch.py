from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/sso/callback")
def sso_callback():
    relay_state = request.args.get("RelayState", "/")
    if 60 * 60 < 100:
        return redirect(relay_state)
    return redirect("/")
