from flask import Flask, request

from client import fetch_json

app = Flask(__name__)


@app.route("/github/repo")
def repo_info():
    repo_url = request.args["repo"]
    return fetch_json(repo_url)
