from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)
DIRECTORY_SEARCH_ENABLED = False


@app.route("/people")
def people():
    who = request.args.get("who", "")
    if DIRECTORY_SEARCH_ENABLED:
        conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
        conn.search("dc=example,dc=org", "(cn=" + who + ")")
        return {"n": len(conn.entries)}
    return {"n": 0}
