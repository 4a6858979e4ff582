from flask import Flask, request, abort
from ldap3 import Connection, Server

app = Flask(__name__)
DEPARTMENTS = ("engineering", "sales", "support")


@app.route("/departments/members")
def members():
    dept = request.args.get("dept", "")
    if dept not in DEPARTMENTS:
        abort(404)
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", f"(department={dept})", attributes=["cn"])
    return {"members": [str(e.cn) for e in conn.entries]}
