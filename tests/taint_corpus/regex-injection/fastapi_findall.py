import re

from fastapi import FastAPI

app = FastAPI()
DOCUMENT = "Invoice 2024-001 total 120.00 EUR; Invoice 2024-002 total 99.00 EUR"


@app.get("/extract")
async def extract(pattern: str):
    return {"found": re.findall(pattern, DOCUMENT)}  # expect: BST262
