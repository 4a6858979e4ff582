import subprocess

from flask import Flask, request, abort

app = Flask(__name__)
RESTARTABLE = {"nginx", "redis", "celery"}


@app.post("/ops/restart")
def restart_service():
    service = request.form["service"]
    if service not in RESTARTABLE:
        abort(400)
    subprocess.run(f"systemctl restart {service}", shell=True, check=True)
    return {"restarted": service}
