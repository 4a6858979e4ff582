import re

from flask import Flask, request

app = Flask(__name__)


class FieldValidator:
    def __init__(self, pattern: str) -> None:
        self.rx = re.compile(pattern)  # expect: BST262

    def ok(self, value: str) -> bool:
        return self.rx.fullmatch(value) is not None


@app.post("/forms/validate")
def validate():
    validator = FieldValidator(request.form["pattern"])
    return {"valid": validator.ok(request.form["value"])}
