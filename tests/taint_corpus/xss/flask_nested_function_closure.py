from flask import Flask, request

app = Flask(__name__)


@app.route("/alert")
def alert():
    level = request.args.get("level", "info")
    message = request.args.get("message", "")

    def render() -> str:
        return f"<div class='alert alert-{level}'>{message}</div>"

    return render()  # expect: BST253
