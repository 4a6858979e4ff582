import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/export")
def export():
    params = {"fmt": request.args.get("fmt", "csv"), "table": "invoices"}
    conn = sqlite3.connect("billing.db")
    rows = conn.execute("SELECT * FROM " + params["table"]).fetchall()
    return {"format": params["fmt"], "rows": rows}
