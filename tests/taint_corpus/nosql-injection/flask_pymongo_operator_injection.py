from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost:27017").shop


@app.post("/login")
def login():
    body = request.get_json()
    user = db.users.find_one({"username": body["username"], "password_hash": body["password_hash"]})  # expect: BST264
    return {"found": user is not None}
