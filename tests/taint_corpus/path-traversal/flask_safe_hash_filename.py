import hashlib

from flask import Flask, request

app = Flask(__name__)


@app.post("/cache")
def cache_put():
    key = request.args.get("key", "")
    name = hashlib.sha1(key.encode()).hexdigest()
    with open(f"/var/cache/app/{name}.bin", "wb") as fh:
        fh.write(request.get_data())
    return {"stored": name}
