from flask import Flask, request

app = Flask(__name__)
DEFAULT_LIMITS = "{'per_page': 20, 'max_pages': 50}"


@app.route("/limits")
def limits():
    page = int(request.args.get("page", "1"))
    config = eval(DEFAULT_LIMITS)
    return {"page": min(page, config["max_pages"])}
