from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)
server = Server("ldap://directory.internal")


@app.route("/directory/lookup")
def lookup():
    uid = request.args.get("uid", "")
    conn = Connection(server, auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", f"(uid={uid})", attributes=["cn", "mail"])  # expect: BST256
    return {"entries": [e.entry_to_json() for e in conn.entries]}
