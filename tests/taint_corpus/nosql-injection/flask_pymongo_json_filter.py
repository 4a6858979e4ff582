from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost:27017").shop


@app.post("/orders/search")
def search_orders():
    criteria = request.get_json()
    orders = list(db.orders.find(criteria, {"_id": 0}))  # expect: BST264
    return {"orders": orders}
