from flask import Flask, request, session

app = Flask(__name__)


@app.post("/consent")
def consent():
    accepted = request.form.get("accept") == "yes"
    session["cookie_banner_seen"] = True
    return {"accepted": accepted}
