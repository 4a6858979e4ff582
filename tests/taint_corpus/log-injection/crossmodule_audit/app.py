from flask import Flask, request

from audit import log_event

app = Flask(__name__)


@app.post("/transfer")
def transfer():
    log_event("transfer", request.form["memo"])
    return {"ok": True}
