import sqlite3

from fastapi import FastAPI

app = FastAPI()


@app.get("/search")
def search(name: str = "", category: str = ""):
    sql = "SELECT * FROM products WHERE 1 = 1"
    if name:
        sql += f" AND name LIKE '%{name}%'"
    if category:
        sql += " AND category = '" + category + "'"
    conn = sqlite3.connect("shop.db")
    return conn.execute(sql).fetchall()  # expect: BST550
