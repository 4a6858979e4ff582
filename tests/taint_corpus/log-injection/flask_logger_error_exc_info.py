import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("payments")


@app.post("/pay")
def pay():
    ref = request.form.get("reference", "")
    try:
        raise ValueError("declined")
    except ValueError:
        log.error("payment failed ref=" + ref, exc_info=True)  # expect: BST750
    return {"ok": False}
