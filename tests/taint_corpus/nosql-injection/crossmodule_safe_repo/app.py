from flask import Flask, request

from repository import UserRepository

app = Flask(__name__)
repo = UserRepository()


@app.post("/users/find")
def find_users():
    return {"users": repo.search(request.get_json())}
