from fastapi import FastAPI
from ldap3 import Connection, Server

app = FastAPI()
server = Server("ldap://directory.internal")


@app.get("/users/by-mail")
async def by_mail(mail: str):
    conn = Connection(server, auto_bind=True)
    query = "(&(objectClass=user)(mail={}))".format(mail)
    conn.search("dc=example,dc=org", query)  # expect: BST256
    return {"dns": [e.entry_dn for e in conn.entries]}
