import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/accounts")
def accounts():
    values = ["archived", request.args.get("owner", ""), "active"]
    values.pop(0)
    status = values[1]
    conn = sqlite3.connect("bank.db")
    rows = conn.execute(f"SELECT id FROM accounts WHERE status = '{status}'").fetchall()
    return {"ids": [r[0] for r in rows]}
