from flask import Flask, request

from dao import find_orders_by_status

app = Flask(__name__)


@app.route("/orders")
def orders():
    status = request.args.get("status", "open")
    return {"orders": find_orders_by_status(status)}
