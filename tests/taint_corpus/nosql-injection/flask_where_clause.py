from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
products = MongoClient().catalog.products


@app.route("/products/cheap")
def cheap_products():
    limit = request.args.get("max", "10")
    cursor = products.find({"$where": "this.price < " + limit})  # expect: BST264
    return {"names": [p["name"] for p in cursor]}
