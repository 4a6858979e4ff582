import sqlite3
from dataclasses import dataclass

from flask import Flask, request

app = Flask(__name__)


@dataclass
class SearchForm:
    city: str
    radius: str


@app.route("/stores")
def stores():
    form = SearchForm(city=request.args.get("city", ""), radius="10")
    conn = sqlite3.connect("stores.db")
    rows = conn.execute("SELECT name FROM stores WHERE city = '" + form.city + "'").fetchall()  # expect: BST550
    return {"stores": [r[0] for r in rows]}
