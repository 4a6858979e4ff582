from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
events = MongoClient().analytics.events


@app.route("/stats/top-pages")
def top_pages():
    request.args.get("range")
    pipeline = [{"$group": {"_id": "$page", "hits": {"$sum": 1}}}, {"$sort": {"hits": -1}}, {"$limit": 10}]
    return {"pages": list(events.aggregate(pipeline))}
