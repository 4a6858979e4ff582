import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/parse")
def parse_value():
    raw = request.args.get("value", "[]")
    value = ast.literal_eval(raw)
    return {"value": value}
