import sqlite3

from flask import Flask, request, abort

app = Flask(__name__)
DB_PATH = "users.db"


@app.post("/login")
def login():
    username = request.form["username"]
    password_hash = request.form["password_hash"]
    db = sqlite3.connect(DB_PATH)
    query = "SELECT id FROM users WHERE name = '%s' AND pw = '%s'" % (username, password_hash)
    row = db.execute(query).fetchone()  # expect: BST550
    if row is None:
        abort(401)
    return {"user_id": row[0]}
