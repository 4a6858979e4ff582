from typing import Any

from fastapi import Body, FastAPI
from motor.motor_asyncio import AsyncIOMotorClient

app = FastAPI()
client = AsyncIOMotorClient("mongodb://localhost:27017")


@app.post("/documents/query")
async def query_documents(selector: dict[str, Any] = Body(...)):
    cursor = client.docs.documents.find(selector)  # expect: BST264
    return [doc async for doc in cursor]
