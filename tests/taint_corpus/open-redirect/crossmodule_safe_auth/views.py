from flask import Flask, request

from auth_utils import finish_login, safe_next

app = Flask(__name__)


@app.post("/login")
def login():
    return finish_login(safe_next(request.args.get("next", "/")))
