from flask import Flask, request, Response
import json

app = Flask(__name__)


@app.route("/api/data.js")
def jsonp():
    callback = request.args.get("callback", "cb")
    body = f"{callback}({json.dumps({'value': 42})})"
    return Response(body, mimetype="text/html")  # expect: BST253
