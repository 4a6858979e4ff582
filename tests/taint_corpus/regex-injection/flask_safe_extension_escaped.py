import re

from flask import Flask, request

app = Flask(__name__)
FILES = ["a.txt", "b.csv", "c.txt"]


@app.route("/files")
def files():
    ext = request.args.get("ext", "txt")
    rx = re.compile(r".*\." + re.escape(ext) + "$")
    return {"files": [f for f in FILES if rx.match(f)]}
