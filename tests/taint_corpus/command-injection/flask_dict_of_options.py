import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools/compress")
def compress():
    opts = {"level": "9"}
    opts["file"] = request.args["file"]
    subprocess.run("gzip -%s %s" % (opts["level"], opts["file"]), shell=True)  # expect: BST251
    return {"ok": True}
