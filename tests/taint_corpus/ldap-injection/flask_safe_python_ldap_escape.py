import ldap
import ldap.filter
from flask import Flask, request

app = Flask(__name__)


@app.route("/users/mail")
def user_mail():
    name = ldap.filter.escape_filter_chars(request.args["name"])
    conn = ldap.initialize("ldap://directory.internal")
    res = conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(cn=%s)" % name, ["mail"])
    return {"mail": [attrs.get("mail") for _, attrs in res]}
