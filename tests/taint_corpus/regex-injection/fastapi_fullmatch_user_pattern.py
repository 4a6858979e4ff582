import re

from fastapi import FastAPI

app = FastAPI()


@app.get("/validate")
def validate(value: str, pattern: str):
    return {"valid": re.fullmatch(pattern, value) is not None}  # expect: BST262
