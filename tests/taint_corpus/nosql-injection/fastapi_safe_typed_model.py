from fastapi import FastAPI
from motor.motor_asyncio import AsyncIOMotorClient
from pydantic import BaseModel

app = FastAPI()
client = AsyncIOMotorClient("mongodb://localhost:27017")


class Lookup(BaseModel):
    sku: str
    warehouse: int


@app.post("/stock/lookup")
async def stock_lookup(body: Lookup):
    doc = await client.stock.items.find_one({"sku": body.sku, "warehouse": body.warehouse})
    return {"qty": doc["qty"] if doc else 0}
