from flask import Flask, request

app = Flask(__name__)


@app.route("/sort")
def sort_items():
    key = request.args.get("key", "name")
    items = [{"name": "b", "price": 2}, {"name": "a", "price": 1}]
    sorter = eval(f"lambda item: item['{key}']")  # expect: BST250
    return {"items": sorted(items, key=sorter)}
