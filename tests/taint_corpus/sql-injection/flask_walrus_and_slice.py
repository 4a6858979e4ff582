import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/prefix")
def by_prefix():
    conn = sqlite3.connect("dict.db")
    if (word := request.args.get("w")) is not None:
        prefix = word[:3]
        return {"rows": conn.execute("SELECT * FROM words WHERE w LIKE '" + prefix + "%'").fetchall()}  # expect: BST550
    return {"rows": []}
