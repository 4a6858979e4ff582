from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search")
def search():
    query = request.args.get("q", "")
    body = "<p>No results for <b>" + query + "</b></p>"
    resp = make_response(body)  # expect: BST253
    resp.headers["Cache-Control"] = "no-store"
    return resp
