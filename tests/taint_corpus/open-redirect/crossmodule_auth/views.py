from flask import Flask, request

from auth_utils import finish_login

app = Flask(__name__)


@app.post("/login")
def login():
    return finish_login(request.form["user"], request.args.get("next", "/"))
