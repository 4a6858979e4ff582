from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
users = MongoClient().app.users


def projection_for(fields: list[str]) -> dict:
    allowed = {"name", "email", "created"}
    return {f: 1 for f in fields if f in allowed}


@app.route("/users")
def list_users():
    proj = projection_for(request.args.getlist("field"))
    return {"users": list(users.find({"active": True}, proj or {"name": 1}))}
