import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/stats")
def stats():
    table_choices = ["page_views", request.args.get("table", "")]
    table = table_choices[0]
    conn = sqlite3.connect("analytics.db")
    count = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return {"count": count}
