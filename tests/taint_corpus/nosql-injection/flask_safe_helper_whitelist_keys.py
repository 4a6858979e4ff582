from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
tickets = MongoClient().support.tickets


def build_query(filters: dict) -> dict:
    query = {"status": "open"}
    if "priority" in filters:
        query["priority"] = int(filters["priority"])
    return query


@app.post("/tickets/search")
def search_tickets():
    query = build_query(request.get_json(force=True))
    return {"ids": [str(t["_id"]) for t in tickets.find(query)]}
