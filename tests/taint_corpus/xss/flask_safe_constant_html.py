from flask import Flask, request

app = Flask(__name__)


@app.route("/maintenance")
def maintenance():
    request.args.get("from", "")
    title = "Scheduled maintenance"
    return f"<h1>{title}</h1><p>We will be back soon.</p>"
