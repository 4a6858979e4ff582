import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/git/log")
def git_log():
    branch = request.args["branch"]
    output = subprocess.check_output("git log --oneline -n 20 %s" % branch, shell=True)  # expect: BST251
    return output.decode()
