from flask import Flask, request, session

app = Flask(__name__)


@app.route("/ref")
def referral():
    if (code := request.args.get("ref")) is not None:
        session["referral_code"] = code.strip()  # expect: BST260
    return {"ok": True}
