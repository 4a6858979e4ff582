from enum import Enum

import httpx
from fastapi import FastAPI

app = FastAPI()


class Region(str, Enum):
    eu = "eu"
    us = "us"


@app.get("/regions/{region}/status")
async def region_status(region: Region):
    async with httpx.AsyncClient() as client:
        resp = await client.get(f"https://{region.value}.status.example.com/api")
    return resp.json()
