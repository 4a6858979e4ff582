import html
import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/fortune")
def fortune():
    category = html.escape(request.args.get("category", "wisdom"))
    os.system("fortune " + category + " > /tmp/fortune.txt")  # expect: BST251
    with open("/tmp/fortune.txt") as fh:
        return {"fortune": fh.read()}
