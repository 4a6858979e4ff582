from flask import Flask

app = Flask(__name__)


@app.route("/tags/<tag>")
def tag_page(tag):
    return "<h2>Posts tagged " + tag + "</h2>"  # expect: BST253
