from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/items")
def items():
    origin = request.headers.get("Origin", "")
    resp = jsonify([])
    resp.headers.add("Access-Control-Allow-Origin", origin)  # expect: BST261
    return resp
