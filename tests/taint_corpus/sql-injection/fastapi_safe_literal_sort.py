from typing import Literal

import sqlite3
from fastapi import FastAPI

app = FastAPI()


@app.get("/products")
def products(order: Literal["name", "price", "created"] = "name"):
    conn = sqlite3.connect("shop.db")
    return conn.execute(f"SELECT id, name FROM products ORDER BY {order}").fetchall()
