from flask import Flask, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
server = Server("ldap://directory.internal")


@app.route("/directory/lookup")
def lookup():
    uid = escape_filter_chars(request.args.get("uid", ""))
    conn = Connection(server, auto_bind=True)
    conn.search("ou=people,dc=example,dc=org", f"(uid={uid})", attributes=["cn", "mail"])
    return {"entries": [e.entry_to_json() for e in conn.entries]}
