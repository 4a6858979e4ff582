from flask import Flask, request, session

app = Flask(__name__)


@app.post("/login")
def login():
    user = request.form["user"]
    user = "guest"
    session["user"] = user
    return {"as": user}
