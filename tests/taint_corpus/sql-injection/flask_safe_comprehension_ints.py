import sqlite3
from flask import Flask, request

app = Flask(__name__)


@app.route("/bulk-delete", methods=["POST"])
def bulk_delete():
    ids = [int(raw) for raw in request.form.getlist("id")]
    id_list = ",".join(str(i) for i in ids)
    conn = sqlite3.connect("catalog.db")
    conn.execute(f"DELETE FROM items WHERE id IN ({id_list})")
    conn.commit()
    return "", 204
