from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
events = MongoClient().analytics.events


@app.post("/stats/custom")
def custom_stats():
    stage = request.json["match"]
    pipeline = [{"$match": stage}, {"$count": "n"}]
    return {"result": list(events.aggregate(pipeline))}  # expect: BST264
