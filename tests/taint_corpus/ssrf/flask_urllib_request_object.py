import urllib.request

from flask import Flask, request

app = Flask(__name__)


@app.post("/fetch")
def fetch():
    req = urllib.request.Request(request.form["url"], headers={"User-Agent": "bot"})
    with urllib.request.urlopen(req, timeout=5) as resp:  # expect: BST254
        return {"status": resp.status}
