import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/tools/lint")
def lint():
    settings = ("flake8 --max-line-length=100 src/", request.args.get("note", ""))
    out = subprocess.run(settings[0], shell=True, capture_output=True, text=True)
    return {"output": out.stdout, "note": settings[1]}
