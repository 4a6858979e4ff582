import sqlite3
from flask import Flask, request

app = Flask(__name__)

LEGACY_SEARCH_ENABLED = False


@app.route("/legacy/search")
def legacy_search():
    name = request.args.get("name", "")
    conn = sqlite3.connect("crm.db")
    if LEGACY_SEARCH_ENABLED and name:
        return {"rows": conn.execute("SELECT * FROM contacts WHERE name = '%s'" % name).fetchall()}
    return {"rows": conn.execute("SELECT * FROM contacts WHERE name = ?", [name]).fetchall()}
