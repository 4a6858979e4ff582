from flask import Flask, request

from directory import members_of

app = Flask(__name__)


@app.route("/teams/<team>")
def team(team):
    return {"members": members_of(team)}
