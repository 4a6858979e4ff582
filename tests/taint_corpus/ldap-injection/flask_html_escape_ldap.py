import html

from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/people/search")
def people_search():
    name = html.escape(request.args.get("name", ""))
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", f"(cn={name})", attributes=["mail"])  # expect: BST256
    return {"n": len(conn.entries)}
