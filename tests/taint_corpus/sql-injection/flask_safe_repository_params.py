import sqlite3

from flask import Flask, request

app = Flask(__name__)


class ProductRepository:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def by_category(self, category: str):
        return self.conn.execute("SELECT * FROM products WHERE category = ?", (category,)).fetchall()


repo = ProductRepository("shop.db")


@app.route("/category")
def category():
    return {"items": repo.by_category(request.args["name"])}
