from flask import Flask, request, session

app = Flask(__name__)


@app.post("/checkout/address")
def save_address():
    address = {"country": "FR", "note": request.form.get("note", "")}
    session["shipping_country"] = address["country"]
    return {"saved": True}
