from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/saml/acs")
async def assertion_consumer(request: Request):
    body = await request.body()
    parser = etree.XMLParser(resolve_entities=True)
    assertion = etree.fromstring(body, parser=parser)  # expect: BST258
    return {"issuer": assertion.findtext(".//{urn:oasis:names:tc:SAML:2.0:assertion}Issuer")}
