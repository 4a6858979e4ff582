import msgpack
from flask import Flask, request

app = Flask(__name__)


@app.post("/telemetry")
def telemetry():
    points = msgpack.unpackb(request.get_data(), raw=False)
    return {"n": len(points)}
