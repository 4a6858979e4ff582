import os

from flask import Blueprint, jsonify, request, send_file

from .db import get_db

admin = Blueprint("admin", __name__)


@admin.route("/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id):
    get_db().execute("DELETE FROM users WHERE id = ?", (user_id,))
    get_db().commit()
    return jsonify(deleted=user_id)


@admin.route("/export")
def export_orders():
    name = request.args.get("file", "orders.csv")
    return send_file(os.path.join("exports", name))


@admin.route("/prices", methods=["POST"])
def update_prices():
    factor = float(request.form["factor"])
    get_db().execute("UPDATE products SET price = price * ?", (factor,))
    get_db().commit()
    return jsonify(ok=True)
