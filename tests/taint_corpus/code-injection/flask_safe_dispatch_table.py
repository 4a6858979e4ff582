import operator

from flask import Flask, request, abort

app = Flask(__name__)
OPERATIONS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}


@app.route("/calc/<op>")
def calculate(op):
    func = OPERATIONS.get(op)
    if func is None:
        abort(404)
    return {"result": func(float(request.args["a"]), float(request.args["b"]))}
