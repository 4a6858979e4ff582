from flask import Flask, jsonify, request

app = Flask(__name__)
ALLOWED_ORIGINS = {"https://app.example.com", "https://admin.example.com"}


@app.route("/api/items")
def items():
    origin = request.headers.get("Origin", "")
    resp = jsonify([])
    if origin in ALLOWED_ORIGINS:
        resp.headers["Access-Control-Allow-Origin"] = origin
    return resp
