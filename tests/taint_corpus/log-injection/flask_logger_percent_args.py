import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger("audit")


@app.post("/password-reset")
def password_reset():
    email = request.form["email"]
    log.warning("Password reset requested for %s", email)  # expect: BST750
    return {"sent": True}
