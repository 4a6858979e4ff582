import re

from flask import Flask, request

app = Flask(__name__)
ARTICLES = ["Release notes 2.1", "Security advisory", "Roadmap"]


@app.route("/articles/filter")
def filter_articles():
    pattern = request.args.get("pattern", ".*")
    return {"matches": [a for a in ARTICLES if re.search(pattern, a)]}  # expect: BST262
