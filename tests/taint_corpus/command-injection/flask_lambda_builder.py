import subprocess

from flask import Flask, request

app = Flask(__name__)

make_cmd = lambda repo: "git clone --depth 1 " + repo + " /tmp/checkout"


@app.post("/checkout")
def checkout():
    subprocess.run(make_cmd(request.form["repo"]), shell=True)  # expect: BST251
    return {"ok": True}
