from flask import Flask, request

app = Flask(__name__)


@app.route("/card")
def card():
    fields = dict(request.args)
    title, subtitle = fields.get("title", ""), fields.get("subtitle", "")
    return "<div class='card'><h3>{}</h3><p>{}</p></div>".format(title, subtitle)  # expect: BST253
