from flask import Flask, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/list")
def listing():
    items = request.args.getlist("item")
    return Markup("<ul>") + Markup("").join(Markup("<li>{}</li>").format(i) for i in items) + Markup("</ul>")
