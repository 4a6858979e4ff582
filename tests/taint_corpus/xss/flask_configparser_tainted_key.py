import configparser

from flask import Flask, request

app = Flask(__name__)


@app.route("/motd")
def motd():
    conf = configparser.ConfigParser()
    conf.add_section("display")
    conf.set("display", "title", "Welcome")
    conf.set("display", "subtitle", request.args.get("sub", ""))
    return "<h1>%s</h1><h2>%s</h2>" % (conf.get("display", "title"), conf.get("display", "subtitle"))  # expect: BST253
