from flask import Flask, request
from ldap3 import Connection, Server, SUBTREE

app = Flask(__name__)


@app.route("/groups")
def groups():
    prefix = request.args.get("prefix", "")
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    entries = conn.extend.standard.paged_search("dc=example,dc=org", "(cn=" + prefix + "*)", SUBTREE, generator=False)  # expect: BST256
    return {"groups": [e["dn"] for e in entries]}
