import json

from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
coll = MongoClient().shop.orders


@app.get("/orders")
def orders(filter: str = "{}"):
    return [str(o["_id"]) for o in coll.find(json.loads(filter))]  # expect: BST264
