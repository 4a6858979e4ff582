import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/products/search")
def search_products():
    term = request.args.get("q", "")
    conn = sqlite3.connect("shop.db")
    cur = conn.cursor()
    cur.execute("SELECT id, name FROM products WHERE name LIKE ?", (f"%{term}%",))
    return {"results": cur.fetchall()}
