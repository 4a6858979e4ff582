import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/prices")
def update_prices():
    conn = sqlite3.connect("shop.db")
    for sku, price in request.get_json().items():
        conn.execute("UPDATE products SET price = %s WHERE sku = '%s'" % (float(price), sku))  # expect: BST550
    conn.commit()
    return {"ok": True}
