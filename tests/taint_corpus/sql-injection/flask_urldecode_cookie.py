import sqlite3
from urllib.parse import unquote

from flask import Flask, request

app = Flask(__name__)


@app.route("/recent")
def recent():
    viewed = unquote(request.cookies.get("recent", ""))
    conn = sqlite3.connect("shop.db")
    return {"items": conn.execute(f"SELECT * FROM items WHERE sku IN ({viewed})").fetchall()}  # expect: BST550
