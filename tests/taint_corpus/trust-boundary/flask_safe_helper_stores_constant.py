from flask import Flask, request, session

app = Flask(__name__)


def remember(key: str, value: str) -> None:
    session[key] = value


@app.route("/campaign")
def campaign_landing():
    source = request.args.get("utm_source", "direct")
    remember("utm_known", "yes" if source in ("newsletter", "ads") else "no")
    return {"ok": True}
