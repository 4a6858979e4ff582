from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app import admin_permission, app, db
from app.models import User


@app.route("/")
@app.route("/index")
def index():
    return render_template("index.html")


@app.route("/login", methods=["GET", "POST"])
def login():
    return render_template("login.html")


@app.route("/user/<username>")
@login_required
def user(username):
    return render_template("user.html")


@app.route("/follow/<username>", methods=["POST"])
@login_required
def follow(username):
    current_user.follow(User.query.filter_by(username=username).first())
    db.session.commit()
    return redirect(url_for("user", username=username))


@app.route("/admin/purge", methods=["POST"])
@login_required
@admin_permission.require(http_exception=403)
def purge():
    db.session.commit()
    return "ok"


@app.route("/reset_password/<token>", methods=["GET", "POST"])
def reset_password(token):
    db.session.commit()
    return "ok"
