import html

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/external")
def external():
    target = html.escape(request.args.get("url", "/"))
    return redirect(target)  # expect: BST255
