from fastapi import FastAPI
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = FastAPI()
server = Server("ldap://directory.internal")


def mail_filter(mail: str) -> str:
    return "(&(objectClass=user)(mail={}))".format(escape_filter_chars(mail))


@app.get("/users/by-mail")
async def by_mail(mail: str):
    conn = Connection(server, auto_bind=True)
    conn.search("dc=example,dc=org", mail_filter(mail))
    return {"dns": [e.entry_dn for e in conn.entries]}
