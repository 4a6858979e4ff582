from flask import Flask, request, abort

app = Flask(__name__)
PRESETS = ("sum(values)", "max(values)", "min(values)")


@app.route("/aggregate")
def aggregate():
    expr = request.args.get("expr", "sum(values)")
    if expr not in PRESETS:
        abort(400)
    return {"result": eval(expr, {"sum": sum, "max": max, "min": min}, {"values": [3, 1, 2]})}
