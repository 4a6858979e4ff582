from uuid import UUID

from fastapi import FastAPI
from ldap3 import Connection, Server

app = FastAPI()


@app.get("/devices/{device_id}")
def device(device_id: UUID):
    conn = Connection(Server("ldap://directory.internal"), auto_bind=True)
    conn.search("ou=devices,dc=example,dc=org", f"(deviceUUID={device_id})")
    return {"found": bool(conn.entries)}
