from pymongo import MongoClient


class UserRepository:
    def __init__(self) -> None:
        self.collection = MongoClient().app.users

    def search(self, criteria):
        email = str(criteria.get("email", ""))
        return [u["email"] for u in self.collection.find({"email": email})]
