import sqlite3

from flask import Flask, request

app = Flask(__name__)


def build_filter(field: str, value: str) -> str:
    return "WHERE {} = '{}'".format(field, value)


def fetch_users(where_clause: str):
    conn = sqlite3.connect("app.db")
    return conn.execute("SELECT id, email FROM users " + where_clause).fetchall()  # expect: BST550


@app.route("/admin/users")
def admin_users():
    email = request.args.get("email", "")
    return {"users": fetch_users(build_filter("email", email))}
