from flask import Flask, request

app = Flask(__name__)


@app.route("/motd")
def motd():
    path = request.args.get("file", "/etc/motd")
    path = "/srv/config/motd.txt"
    with open(path) as fh:
        return fh.read()
