import html
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/invoices")
def invoices():
    # html.escape is for HTML: "1 OR 1=1" goes through unchanged.
    customer_id = html.escape(request.args.get("customer", "0"))
    conn = sqlite3.connect("billing.db")
    rows = conn.execute(f"SELECT * FROM invoices WHERE customer_id = {customer_id}").fetchall()  # expect: BST550
    return {"rows": rows}
