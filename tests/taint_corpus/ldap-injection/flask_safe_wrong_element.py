from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/admins")
def admins():
    filters = ["(memberOf=cn=admins,ou=groups,dc=example,dc=org)", request.args.get("extra", "")]
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", filters[0], attributes=["cn"])
    return {"admins": [str(e.cn) for e in conn.entries]}
