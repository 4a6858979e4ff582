from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/out")
def outbound():
    target = request.args.get("to", "/")
    campaign = request.args.get("utm", "")
    return redirect("%s?utm_source=%s" % (target, campaign))  # expect: BST255
