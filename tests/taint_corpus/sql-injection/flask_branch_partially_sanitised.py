import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/lookup")
def lookup():
    kind = request.args.get("kind", "id")
    raw = request.args.get("value", "")
    if kind == "id":
        value = str(int(raw))
        column = "id"
    else:
        value = "'" + raw + "'"
        column = "email"
    conn = sqlite3.connect("crm.db")
    return {"row": conn.execute(f"SELECT * FROM contacts WHERE {column} = {value}").fetchone()}  # expect: BST550
