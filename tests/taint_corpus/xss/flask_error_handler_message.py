from flask import Flask, request, Response

app = Flask(__name__)


@app.route("/lookup")
def lookup():
    sku = request.args.get("sku", "")
    if not sku.isalnum():
        return Response(f"<p>Invalid SKU: {sku}</p>", status=400, mimetype="text/html")  # expect: BST253
    return {"sku": sku}
