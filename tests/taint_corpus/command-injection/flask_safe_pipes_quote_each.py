import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/grep")
def grep():
    terms = [shlex.quote(t) for t in request.args.getlist("t")]
    cmd = "grep -h " + " -e ".join([""] + terms) + " /var/log/app.log | tail -20"
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
