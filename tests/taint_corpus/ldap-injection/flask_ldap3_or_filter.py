from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    conn = Connection(Server("ldap://dir.internal"), auto_bind=True)
    filt = "(|" + "".join(f"({attr}={q}*)" for attr in ("cn", "mail", "uid")) + ")"
    conn.search("dc=example,dc=org", filt)  # expect: BST256
    return {"n": len(conn.entries)}
