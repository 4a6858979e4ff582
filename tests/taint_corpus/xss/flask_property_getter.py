from flask import Flask, request

app = Flask(__name__)


class Greeting:
    def __init__(self, name: str) -> None:
        self._name = name

    @property
    def html(self) -> str:
        return f"<p>Hello <b>{self._name}</b></p>"


@app.route("/hi")
def hi():
    return Greeting(request.args.get("name", "you")).html  # expect: BST253
