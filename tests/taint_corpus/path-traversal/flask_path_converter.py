from flask import Flask, send_file

app = Flask(__name__)


@app.route("/assets/<path:asset>")
def asset(asset):
    return send_file("/srv/assets/" + asset)  # expect: BST252
