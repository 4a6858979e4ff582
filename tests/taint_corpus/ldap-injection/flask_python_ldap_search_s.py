import ldap
from flask import Flask, request

app = Flask(__name__)


@app.post("/groups/members")
def group_members():
    group = request.form["group"]
    conn = ldap.initialize("ldap://directory.internal")
    search_filter = "(&(objectClass=groupOfNames)(cn=" + group + "))"
    results = conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_SUBTREE, search_filter, ["member"])  # expect: BST256
    return {"members": [dn for dn, _ in results]}
