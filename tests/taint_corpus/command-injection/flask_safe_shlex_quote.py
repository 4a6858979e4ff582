import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/convert")
def convert():
    source = shlex.quote(request.form["source"])
    cmd = f"libreoffice --headless --convert-to pdf {source} --outdir /srv/converted"
    subprocess.run(cmd, shell=True, check=True)
    return {"ok": True}
