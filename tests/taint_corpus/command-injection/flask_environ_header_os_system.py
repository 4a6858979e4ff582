import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/report-ip")
def report_ip():
    client = request.environ.get("HTTP_X_REAL_IP", request.remote_addr)
    os.system("logger -t webapp 'client=" + client + "'")  # expect: BST251
    return "noted"
