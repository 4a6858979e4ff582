import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/stock")
def stock():
    raw = request.args.get("warehouse", "1")
    try:
        warehouse = int(raw)
    except ValueError:
        warehouse = raw
    conn = sqlite3.connect("stock.db")
    return {"rows": conn.execute(f"SELECT * FROM stock WHERE warehouse = {warehouse}").fetchall()}  # expect: BST550
