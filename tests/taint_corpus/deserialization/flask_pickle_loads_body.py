import pickle

from flask import Flask, request

app = Flask(__name__)


@app.post("/cart/restore")
def restore_cart():
    cart = pickle.loads(request.data)  # expect: BST259
    return {"items": len(cart)}
