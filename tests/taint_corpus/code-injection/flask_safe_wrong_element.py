from flask import Flask, request

app = Flask(__name__)


@app.route("/compute")
def compute():
    formulas = {"default": "2 ** 10", "user": request.args.get("formula", "")}
    result = eval(formulas["default"])
    return {"result": result, "ignored": formulas["user"]}
