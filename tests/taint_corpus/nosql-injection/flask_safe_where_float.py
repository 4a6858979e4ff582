from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
products = MongoClient().catalog.products


@app.route("/products/cheap")
def cheap_products():
    limit = float(request.args.get("max", "10"))
    cursor = products.find({"price": {"$lt": limit}})
    return {"names": [p["name"] for p in cursor]}
