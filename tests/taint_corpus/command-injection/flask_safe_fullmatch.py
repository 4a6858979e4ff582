import re
import subprocess

from flask import Flask, request, abort

app = Flask(__name__)


@app.route("/tools/nslookup")
def nslookup():
    host = request.args.get("host", "")
    if not re.fullmatch(r"[a-z0-9.-]{1,253}", host):
        abort(400)
    out = subprocess.check_output(f"nslookup {host}", shell=True, text=True)
    return {"out": out}
