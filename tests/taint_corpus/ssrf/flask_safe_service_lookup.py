import requests
from flask import Flask, request, abort

app = Flask(__name__)
SERVICES = {
    "billing": "http://billing.internal:8080/health",
    "search": "http://search.internal:9200/_cluster/health",
}


@app.route("/proxy/status")
def proxy_status():
    name = request.args.get("service", "billing")
    url = SERVICES.get(name)
    if url is None:
        abort(404)
    return requests.get(url, timeout=2).json()
