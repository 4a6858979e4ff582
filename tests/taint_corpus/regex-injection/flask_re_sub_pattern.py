import re

from flask import Flask, request

app = Flask(__name__)


@app.post("/text/redact")
def redact():
    data = request.get_json()
    text = re.sub(data["pattern"], "[redacted]", data["text"])  # expect: BST262
    return {"text": text}
