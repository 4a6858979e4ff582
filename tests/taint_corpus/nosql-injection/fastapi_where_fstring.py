from fastapi import FastAPI
from pymongo import MongoClient

app = FastAPI()
people = MongoClient().hr.people


@app.get("/people/older-than")
def older_than(age: str):
    return [p["name"] for p in people.find({"$where": f"this.age > {age}"})]  # expect: BST264
