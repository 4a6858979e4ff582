from flask import Blueprint, redirect, render_template, request, session

from .models import User, db

auth_bp = Blueprint("auth", __name__, url_prefix="/auth")


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        session["user_id"] = User.check(request.form)
        return redirect("/")
    return render_template("login.html")


@auth_bp.post("/register")
def register():
    db.session.add(User(**request.form))
    db.session.commit()
    return redirect("/auth/login")


@auth_bp.route("/logout")
def logout():
    session.clear()
    return redirect("/")
