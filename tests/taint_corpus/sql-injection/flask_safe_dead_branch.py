import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/audit")
def audit_log():
    actor = request.args.get("actor", "")
    conn = sqlite3.connect("audit.db")
    if 3 * 4 > 20:
        rows = conn.execute("SELECT * FROM audit WHERE actor = '" + actor + "'").fetchall()
    else:
        rows = conn.execute("SELECT * FROM audit WHERE actor = ?", (actor,)).fetchall()
    return {"rows": rows}
