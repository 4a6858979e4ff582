import base64
import pickle

from flask import Blueprint, jsonify, make_response, request

cart = Blueprint("cart", __name__)


@cart.route("/")
def show_cart():
    raw = request.cookies.get("cart", "")
    items = pickle.loads(base64.b64decode(raw)) if raw else []
    return jsonify(items=items)


@cart.route("/add", methods=["POST"])
def add_to_cart():
    items = [request.form["product_id"]]
    response = make_response(jsonify(items=items))
    response.set_cookie("cart", base64.b64encode(pickle.dumps(items)).decode())
    return response
