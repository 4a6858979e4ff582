import os

from flask import Flask, request

app = Flask(__name__)


@app.route("/ops/port-check")
def port_check():
    port = int(request.args.get("port", "80"))
    code = os.system(f"ss -ltn | grep -q ':{port} '")
    return {"listening": code == 0}
