from flask import Flask, request

app = Flask(__name__)


@app.route("/status-page")
async def status_page():
    component = request.args.get("component", "api")
    return f"<h2>Status of {component.upper()}</h2>"  # expect: BST253
