from flask import Flask, request

from widgets import alert_box

app = Flask(__name__)


@app.route("/notify")
def notify():
    return alert_box(request.args.get("text", ""))
