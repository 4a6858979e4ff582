import re

from flask import Flask, request

app = Flask(__name__)
ARTICLES = ["Release notes 2.1", "Security advisory", "Roadmap"]


@app.route("/articles/filter")
def filter_articles():
    pattern = re.escape(request.args.get("pattern", ""))
    return {"matches": [a for a in ARTICLES if re.search(pattern, a)]}
