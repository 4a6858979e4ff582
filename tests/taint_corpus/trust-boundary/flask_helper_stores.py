from flask import Flask, request, session

app = Flask(__name__)


def remember(key: str, value: str) -> None:
    session[key] = value  # expect: BST260


@app.route("/campaign")
def campaign_landing():
    remember("utm_source", request.args.get("utm_source", "direct"))
    return {"ok": True}
