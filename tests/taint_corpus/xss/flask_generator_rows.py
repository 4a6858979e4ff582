from flask import Flask, request

app = Flask(__name__)


def rows(values):
    for value in values:
        yield "<tr><td>" + value + "</td></tr>"


@app.route("/compare")
def compare():
    products = request.args.getlist("product")
    body = "<table>" + "".join(rows(products)) + "</table>"
    return body  # expect: BST253
