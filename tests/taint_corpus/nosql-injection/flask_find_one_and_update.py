from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
profiles = MongoClient().app.profiles


@app.post("/profiles/update")
def update_profile():
    data = request.get_json()
    profiles.find_one_and_update(data["match"], {"$set": {"bio": str(data.get("bio", ""))}})  # expect: BST264
    return {"ok": True}
