from flask import Flask

app = Flask(__name__)


@app.route("/items/<int:item_id>")
def item(item_id):
    return "<h2>Item #%d</h2>" % item_id
