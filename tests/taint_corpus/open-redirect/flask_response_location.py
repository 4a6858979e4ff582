from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/legacy")
def legacy():
    target = request.args.get("target", "/")
    return redirect_to(target)


def redirect_to(location: str) -> Response:
    from flask import redirect
    return redirect(location, 301)  # expect: BST255
