from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/track")
def track():
    ttl = int(request.args.get("ttl", "60"))
    return Response("ok", headers={"Cache-Control": f"max-age={ttl}"})
