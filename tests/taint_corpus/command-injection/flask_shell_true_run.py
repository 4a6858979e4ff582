import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.post("/convert")
def convert():
    source = request.form["source"]
    target = request.form.get("target", "out.pdf")
    cmd = "libreoffice --headless --convert-to pdf " + source + " --outdir " + target
    subprocess.run(cmd, shell=True, check=True)  # expect: BST251
    return {"ok": True}
