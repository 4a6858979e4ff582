import os
import subprocess

from flask import Flask, request

app = Flask(__name__)
ENABLE_SHELL_DEBUG = False


@app.route("/ops/run")
def run_tool():
    args = request.args.get("args", "")
    if ENABLE_SHELL_DEBUG:
        os.system("debug-tool " + args)
    result = subprocess.run(["debug-tool", "--status"], capture_output=True, text=True)
    return {"out": result.stdout}
