import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/logs/grep")
def grep_logs():
    pattern = request.args.get("pattern", "ERROR")
    out = subprocess.run(["/bin/sh", "-c", f"grep '{pattern}' /var/log/app.log | tail -n 50"], capture_output=True, text=True)  # expect: BST251
    return out.stdout
