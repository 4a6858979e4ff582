from flask import Flask, request

app = Flask(__name__)


class Fixed:
    def transform(self, value: str) -> str:
        return "2 + 2"


class TransformerFactory:
    @staticmethod
    def create() -> Fixed:
        return Fixed()


@app.route("/calc")
def calc():
    expr = TransformerFactory.create().transform(request.args.get("expr", "0"))
    return {"value": eval(expr)}
