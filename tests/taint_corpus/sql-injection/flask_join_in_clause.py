import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/bulk")
def bulk_fetch():
    ids = request.args.getlist("id")
    in_clause = ", ".join(ids)
    conn = sqlite3.connect("catalog.db")
    rows = conn.execute("SELECT * FROM items WHERE id IN (%s)" % in_clause).fetchall()  # expect: BST550
    return {"items": rows}
