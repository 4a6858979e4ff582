import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools/compress")
def compress():
    opts = {"level": "9"}
    opts["comment"] = request.args.get("comment", "")
    subprocess.run("gzip -%s /srv/export/latest.csv" % opts["level"], shell=True)
    return {"ok": True, "comment": opts["comment"]}
