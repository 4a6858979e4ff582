import hashlib
import logging
import random
import string

from flask import Blueprint, jsonify, redirect, request

from .db import get_db

accounts = Blueprint("accounts", __name__)
log = logging.getLogger(__name__)


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode()).hexdigest()


def new_reset_token() -> str:
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(24))


@accounts.route("/register", methods=["POST"])
def register():
    email, password = request.form["email"], request.form["password"]
    log.info("registering %s with password %s", email, password)
    get_db().execute("INSERT INTO users (email, password) VALUES (?, ?)", (email, hash_password(password)))
    get_db().commit()
    return jsonify(ok=True)


@accounts.route("/reset", methods=["POST"])
def reset():
    token = new_reset_token()
    get_db().execute("UPDATE users SET reset_token = ? WHERE email = ?", (token, request.form["email"]))
    get_db().commit()
    return jsonify(sent=True)


@accounts.route("/login/next")
def after_login():
    return redirect(request.args.get("next", "/"))
