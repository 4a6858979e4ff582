from flask import Flask, request, session

app = Flask(__name__)


class Cart:
    def add(self, sku: str) -> None:
        items = session.get("cart", [])
        items.append(sku)
        session["cart"] = items  # expect: BST260


@app.post("/cart")
def add_item():
    Cart().add(request.form["sku"])
    return {"ok": True}
