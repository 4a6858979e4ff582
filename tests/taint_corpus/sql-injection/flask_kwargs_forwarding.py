import sqlite3

from flask import Flask, request

app = Flask(__name__)


def select_where(table: str, **conditions: str):
    clause = " AND ".join(f"{col} = '{val}'" for col, val in conditions.items())
    conn = sqlite3.connect("app.db")
    return conn.execute(f"SELECT * FROM {table} WHERE {clause}").fetchall()  # expect: BST550


@app.route("/users/find")
def find_user():
    return {"rows": select_where("users", email=request.args.get("email", ""), status="active")}
