import subprocess

import yaml
from flask import Blueprint, jsonify, request

from .db import get_db

catalog = Blueprint("catalog", __name__)


@catalog.route("/products")
def search_products():
    term = request.args.get("q", "")
    cursor = get_db().cursor()
    cursor.execute(f"SELECT id, name, price FROM products WHERE name LIKE '%{term}%'")
    return jsonify(cursor.fetchall())


@catalog.route("/products/<int:product_id>")
def product(product_id):
    cursor = get_db().cursor()
    cursor.execute("SELECT id, name, price FROM products WHERE id = ?", (product_id,))
    return jsonify(cursor.fetchone())


@catalog.route("/products/import", methods=["POST"])
def import_products():
    products = yaml.load(request.data, Loader=yaml.Loader)
    db = get_db()
    for item in products:
        db.execute("INSERT INTO products (name, price) VALUES (?, ?)", (item["name"], item["price"]))
    db.commit()
    return jsonify(imported=len(products))


@catalog.route("/products/<int:product_id>/thumbnail")
def thumbnail(product_id):
    size = request.args.get("size", "128x128")
    subprocess.run(f"convert images/{product_id}.png -resize {size} thumbs/{product_id}.png", shell=True)
    return jsonify(ok=True)
