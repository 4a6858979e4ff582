import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/batch/rm")
def batch_remove():
    parts = ["rm", "-f"]
    for name in request.json.get("files", []):
        parts.append(shlex.quote(name))
    subprocess.run(" ".join(parts), shell=True)
    return {"removed": len(parts) - 2}
