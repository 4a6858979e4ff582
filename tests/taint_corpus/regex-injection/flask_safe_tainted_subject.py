import re

from flask import Flask, request

app = Flask(__name__)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


@app.post("/newsletter")
def subscribe():
    email = request.form.get("email", "")
    if not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", email):
        return {"error": "invalid email"}, 400
    return {"subscribed": bool(EMAIL.match(email))}
