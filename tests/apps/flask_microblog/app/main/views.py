import functools

from flask import g, jsonify, request, session

from app.main import bp


def api_key_please(func):
    @functools.wraps(func)
    def inner(*args, **kwargs):
        if request.headers.get("X-Api-Key") != "expected":
            return jsonify(error="nope"), 401
        return func(*args, **kwargs)
    return inner


@bp.route("/explore")
def explore():
    return "explore"


@bp.route("/upload", methods=["POST"])
@api_key_please
def upload():
    request.files["f"].save("/tmp/x")
    return "ok"


@bp.route("/messages", methods=["POST"])
def send_message():
    return "sent"


@bp.route("/export/all")
@api_key_please
def export_all():
    return "csv"
