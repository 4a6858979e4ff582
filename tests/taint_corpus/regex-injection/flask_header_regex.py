import re

from flask import Flask, request

app = Flask(__name__)
ROUTES = ["/api/users", "/api/orders", "/health"]


@app.route("/routes")
def routes():
    filt = request.headers.get("X-Route-Filter", "")
    return {"routes": [r for r in ROUTES if re.match("^" + filt, r)]}  # expect: BST262
