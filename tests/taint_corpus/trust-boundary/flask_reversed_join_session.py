from flask import Flask, request, session

app = Flask(__name__)


@app.route("/breadcrumbs")
def breadcrumbs():
    trail = list(reversed(request.args.getlist("step")))
    session["trail"] = "/".join(trail)  # expect: BST260
    return {"ok": True}
