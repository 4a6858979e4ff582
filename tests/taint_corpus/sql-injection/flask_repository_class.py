import sqlite3

from flask import Flask, request

app = Flask(__name__)


class ProductRepository:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)

    def by_category(self, category: str):
        sql = "SELECT * FROM products WHERE category = '%s'" % category
        return self.conn.execute(sql).fetchall()  # expect: BST550


repo = ProductRepository("shop.db")


@app.route("/category")
def category():
    return {"items": repo.by_category(request.args["name"])}
