import ldap
from ldap.filter import filter_format
from flask import Flask, request

app = Flask(__name__)


@app.post("/groups/members")
def group_members():
    group = request.form["group"]
    conn = ldap.initialize("ldap://directory.internal")
    search_filter = filter_format("(&(objectClass=groupOfNames)(cn=%s))", [group])
    results = conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_SUBTREE, search_filter, ["member"])
    return {"members": [dn for dn, _ in results]}
