from flask import Flask, request
from tornado.template import Template

app = Flask(__name__)


@app.route("/tornado-preview")
def tornado_preview():
    src = request.args.get("src", "")
    return Template(src).generate(name="demo").decode()  # expect: BST263
