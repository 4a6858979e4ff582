import os

from flask import Flask, request

app = Flask(__name__)


@app.post("/hooks/run")
def run_hook():
    script = request.form["script"]
    pid = os.fork()
    if pid == 0:
        os.execl("/bin/sh", "sh", "-c", script)  # expect: BST251
    return {"pid": pid}
