from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost:27017").shop


@app.post("/login")
def login():
    body = request.get_json()
    user = db.users.find_one({"username": str(body["username"]), "active": True})
    return {"found": user is not None}
