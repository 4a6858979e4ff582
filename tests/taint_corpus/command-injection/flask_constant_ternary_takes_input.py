import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/archive")
def archive():
    folder = request.args.get("folder", "")
    threshold = 106
    target = "/srv/public" if (7 * 12) + threshold > 200 else folder
    os.system("tar czf /tmp/archive.tgz " + target)  # expect: BST251
    return {"ok": True}
