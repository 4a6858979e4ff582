import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/batch/rm")
def batch_remove():
    parts = ["rm", "-f"]
    for name in request.json.get("files", []):
        parts.append(name)
    subprocess.run(" ".join(parts), shell=True)  # expect: BST251
    return {"removed": len(parts) - 2}
