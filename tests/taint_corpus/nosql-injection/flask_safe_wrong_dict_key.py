from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
sessions = MongoClient().auth.sessions


@app.post("/sessions/purge")
def purge_sessions():
    body = {"selector": {"expired": True}, "reason": request.form.get("reason", "")}
    result = sessions.delete_many(body["selector"])
    return {"deleted": result.deleted_count, "reason": body["reason"]}
