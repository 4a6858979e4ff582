import aiohttp
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/relay")
async def relay(x_upstream: str = Header(...)):
    async with aiohttp.ClientSession() as session:
        async with session.get(x_upstream) as resp:  # expect: BST254
            return {"body": await resp.text()}
