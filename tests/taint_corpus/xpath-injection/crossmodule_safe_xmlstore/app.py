from flask import Flask, request

from xmlstore import find_user

app = Flask(__name__)


@app.route("/users/email")
def user_email():
    return {"email": find_user(request.args["login"])}
