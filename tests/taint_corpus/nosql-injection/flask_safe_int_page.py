from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
posts = MongoClient().blog.posts


@app.route("/posts")
def list_posts():
    page = int(request.args.get("page", "1"))
    return {"posts": [p["title"] for p in posts.find({}).skip((page - 1) * 10).limit(10)]}
