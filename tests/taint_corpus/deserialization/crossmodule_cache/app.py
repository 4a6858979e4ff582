from flask import Flask, request

from cache import restore

app = Flask(__name__)


@app.post("/cache/import")
def cache_import():
    count = restore(request.get_data())
    return {"entries": count}
