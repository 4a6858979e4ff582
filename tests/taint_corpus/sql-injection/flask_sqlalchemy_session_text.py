from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
db = SQLAlchemy(app)


@app.route("/coupons/redeem", methods=["POST"])
def redeem_coupon():
    code = request.values.get("code", "")
    db.session.execute(text("UPDATE coupons SET used = 1 WHERE code = '%s'" % code))  # expect: BST550
    db.session.commit()
    return {"redeemed": code}
