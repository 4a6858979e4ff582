import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/fetch")
async def fetch(url: str):
    async with httpx.AsyncClient() as client:
        resp = await client.get(url)  # expect: BST254
    return {"status": resp.status_code}
