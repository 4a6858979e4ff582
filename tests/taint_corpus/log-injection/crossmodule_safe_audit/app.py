from flask import Flask, request

from audit import log_event, sanitize

app = Flask(__name__)


@app.post("/transfer")
def transfer():
    log_event("transfer", sanitize(request.form["memo"]))
    return {"ok": True}
