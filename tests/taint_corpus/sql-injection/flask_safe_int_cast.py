import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/orders")
def order_detail():
    order_id = int(request.args["id"])
    conn = sqlite3.connect("orders.db")
    row = conn.execute(f"SELECT * FROM orders WHERE id = {order_id}").fetchone()
    return {"order": row}
