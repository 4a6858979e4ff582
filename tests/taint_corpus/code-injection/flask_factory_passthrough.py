from flask import Flask, request

app = Flask(__name__)


class Passthrough:
    def transform(self, value: str) -> str:
        return value


class TransformerFactory:
    @staticmethod
    def create() -> Passthrough:
        return Passthrough()


@app.route("/calc")
def calc():
    expr = TransformerFactory.create().transform(request.args.get("expr", "0"))
    return {"value": eval(expr)}  # expect: BST250
