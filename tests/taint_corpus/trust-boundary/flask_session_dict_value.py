from flask import Flask, request, session

app = Flask(__name__)


@app.post("/checkout/address")
def save_address():
    address = {"street": request.form["street"], "city": request.form["city"]}
    session["shipping"] = address  # expect: BST260
    return {"saved": True}
