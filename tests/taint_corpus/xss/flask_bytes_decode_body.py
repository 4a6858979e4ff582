from flask import Flask, request

app = Flask(__name__)


@app.post("/echo")
def echo():
    text = request.get_data().decode("utf-8").strip()
    return "<pre>" + text + "</pre>"  # expect: BST253
