from flask import Flask, request, session

app = Flask(__name__)


@app.before_request
def remember_proxy_user():
    forwarded_user = request.headers.get("X-Forwarded-User")
    if forwarded_user:
        session["user"] = forwarded_user  # expect: BST260
