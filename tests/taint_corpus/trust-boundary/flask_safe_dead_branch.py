from flask import Flask, request, session

app = Flask(__name__)
TRUST_CLIENT_LOCALE = False


@app.route("/locale")
def set_locale():
    locale = request.args.get("locale", "en")
    if TRUST_CLIENT_LOCALE:
        session["locale"] = locale
    return {"locale": session.get("locale", "en")}
