from fastapi import FastAPI, Header
from ldap3 import Connection, Server

app = FastAPI()


@app.get("/me")
def me(x_remote_user: str = Header(...)):
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", f"(&(objectClass=person)(uid={x_remote_user}))", attributes=["displayName"])  # expect: BST256
    return {"name": str(conn.entries[0].displayName) if conn.entries else None}
