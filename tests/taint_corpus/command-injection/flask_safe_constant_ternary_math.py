import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/archive")
def archive():
    folder = request.args.get("folder", "")
    threshold = 86
    target = "/srv/public" if (7 * 42) - threshold > 200 else folder
    os.system("tar czf /tmp/archive.tgz " + target)
    return {"ok": True}
