from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/echo")
def echo():
    message = request.args.get("message", "")
    return jsonify({"message": f"<b>{message}</b>"})
