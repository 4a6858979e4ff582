from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/who")
def who():
    names = request.args.getlist("n")
    filt = ""
    i = 0
    while i < len(names):
        filt += f"(cn={names[i]})"
        i += 1
    conn = Connection(Server("ldap://dir.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", "(|" + filt + ")")  # expect: BST256
    return {"n": len(conn.entries)}
