import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/checkout")
def checkout():
    details = {"coupon": request.form.get("coupon", ""), "items": 3}
    logger.info("checkout with coupon %s", details["coupon"])  # expect: BST750
    return {"ok": True}
