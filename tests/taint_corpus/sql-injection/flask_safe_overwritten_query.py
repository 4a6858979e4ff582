import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/report")
def report():
    region = request.args.get("region", "eu")
    query = f"SELECT SUM(total) FROM sales WHERE region = '{region}'"
    # The ad-hoc filter was removed; the report always covers every region now.
    query = "SELECT SUM(total) FROM sales"
    conn = sqlite3.connect("sales.db")
    total = conn.execute(query).fetchone()[0]
    return {"region": region, "total": total}
