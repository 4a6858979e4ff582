from flask import Flask, request

app = Flask(__name__)


@app.route("/toggle")
def toggle():
    enabled = request.args.get("enabled", "false") == "true"
    return {"enabled": eval(repr(enabled))}
