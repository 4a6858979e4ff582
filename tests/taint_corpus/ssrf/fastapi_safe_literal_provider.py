from typing import Literal

import httpx
from fastapi import FastAPI

app = FastAPI()
PROVIDERS = {"github": "https://api.github.com/zen", "gitlab": "https://gitlab.com/api/v4/version"}


@app.get("/providers/{name}/ping")
async def ping(name: Literal["github", "gitlab"]):
    async with httpx.AsyncClient() as client:
        resp = await client.get(PROVIDERS[name])
    return {"status": resp.status_code}
