from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
tasks = MongoClient().todo.tasks


@app.route("/tasks")
def list_tasks():
    done = request.args.get("done", "false").lower() == "true"
    return {"tasks": [t["title"] for t in tasks.find({"done": done})]}
