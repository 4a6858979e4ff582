from flask import Flask, send_from_directory

app = Flask(__name__)


@app.route("/static-docs/<path:filename>")
def docs(filename):
    return send_from_directory("/srv/docs", filename)
