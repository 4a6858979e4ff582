from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
tickets = MongoClient().support.tickets


def build_query(filters: dict) -> dict:
    return {"status": "open", **filters}


@app.post("/tickets/search")
def search_tickets():
    query = build_query(request.get_json(force=True))
    return {"ids": [str(t["_id"]) for t in tickets.find(query)]}  # expect: BST264
