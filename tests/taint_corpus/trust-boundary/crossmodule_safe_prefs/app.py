from flask import Flask, request

from prefs import store_preference

app = Flask(__name__)


@app.post("/prefs")
def prefs():
    store_preference("currency", request.form["currency"])
    return {"ok": True}
