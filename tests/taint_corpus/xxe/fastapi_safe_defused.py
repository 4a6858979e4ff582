import defusedxml.ElementTree as DET
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/saml/acs")
async def assertion_consumer(request: Request):
    body = await request.body()
    assertion = DET.fromstring(body)
    return {"issuer": assertion.findtext(".//{urn:oasis:names:tc:SAML:2.0:assertion}Issuer")}
