from enum import Enum

from fastapi import FastAPI
from ldap3 import Connection, Server

app = FastAPI()


class Group(str, Enum):
    admins = "admins"
    staff = "staff"


@app.get("/groups/{group}")
def members(group: Group):
    conn = Connection(Server("ldap://dir.internal"), auto_bind=True)
    conn.search("dc=example,dc=org", f"(memberOf=cn={group.value},ou=groups,dc=example,dc=org)")
    return {"n": len(conn.entries)}
