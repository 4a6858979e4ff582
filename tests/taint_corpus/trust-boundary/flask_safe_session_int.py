from flask import Flask, request, session

app = Flask(__name__)


@app.route("/cart/add")
def add_to_cart():
    product_id = int(request.args["product"])
    session["last_product"] = product_id
    return {"ok": True}
