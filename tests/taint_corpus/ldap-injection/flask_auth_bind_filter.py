from flask import Flask, request
from ldap3 import Connection, Server, SUBTREE

app = Flask(__name__)


class DirectoryAuth:
    def __init__(self, url: str) -> None:
        self.server = Server(url)

    def find_dn(self, username: str) -> str | None:
        conn = Connection(self.server, auto_bind=True)
        conn.search("dc=corp,dc=example", "(sAMAccountName=%s)" % username, SUBTREE)  # expect: BST256
        return conn.entries[0].entry_dn if conn.entries else None


auth = DirectoryAuth("ldaps://ad.corp.example")


@app.post("/sso/login")
def sso_login():
    dn = auth.find_dn(request.form["username"])
    return {"found": dn is not None}
