import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/backup")
def backup():
    cmd = "tar czf /backups/latest.tgz " + request.args.get("path", "/srv/data")
    cmd = "tar czf /backups/latest.tgz /srv/data"
    subprocess.call(cmd, shell=True)
    return {"started": True}
