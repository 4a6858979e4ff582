from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
sessions = MongoClient().auth.sessions


@app.post("/sessions/purge")
def purge_sessions():
    selector = request.get_json(silent=True) or {}
    result = sessions.delete_many(selector)  # expect: BST264
    return {"deleted": result.deleted_count}
