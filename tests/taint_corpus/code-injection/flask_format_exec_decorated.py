import functools

from flask import Flask, request

app = Flask(__name__)


def json_endpoint(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        return {"data": func(*args, **kwargs)}
    return inner


@app.route("/vars/set")
@json_endpoint
def set_variable():
    name = request.args["name"]
    value = request.args["value"]
    exec("{} = {!r}".format(name, value), globals())  # expect: BST250
    return name
