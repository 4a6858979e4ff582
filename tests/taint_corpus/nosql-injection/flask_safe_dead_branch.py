from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
users = MongoClient().app.users
RAW_QUERIES = False


@app.post("/admin/query")
def admin_query():
    query = request.get_json()
    if RAW_QUERIES:
        return {"n": users.count_documents(query)}
    return {"n": users.estimated_document_count()}
