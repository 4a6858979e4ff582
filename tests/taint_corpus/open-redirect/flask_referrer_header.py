from flask import Flask, redirect, request

app = Flask(__name__)


@app.post("/cart/add")
def add_to_cart():
    back = request.headers.get("Referer", "/")
    return redirect(back)  # expect: BST255
