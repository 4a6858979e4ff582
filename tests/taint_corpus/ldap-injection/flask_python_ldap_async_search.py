import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/hosts")
def hosts():
    pattern = request.args.get("host", "*")
    conn = ldap.initialize("ldap://directory.internal")
    msgid = conn.search_ext("ou=hosts,dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % pattern)  # expect: BST256
    _, data = conn.result(msgid)
    return {"hosts": [dn for dn, _ in data]}
