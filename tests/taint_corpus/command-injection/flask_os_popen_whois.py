import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/whois")
def whois():
    domain = request.values["domain"]
    with os.popen("whois " + domain) as pipe:  # expect: BST251
        return {"whois": pipe.read()}
