import re

from flask import Flask, request

app = Flask(__name__)
ADVANCED_SEARCH = False


@app.route("/users/search")
def search_users():
    term = request.args.get("term", "")
    names = ["alice", "bob", "carol"]
    if ADVANCED_SEARCH:
        return {"names": [n for n in names if re.match(term, n)]}
    return {"names": [n for n in names if term.lower() in n]}
