import re
from enum import Enum

from fastapi import FastAPI

app = FastAPI()


class Kind(str, Enum):
    digits = r"\d+"
    words = r"[A-Za-z]+"


@app.get("/tokens/{kind}")
async def tokens(kind: Kind, text: str = ""):
    return {"tokens": re.findall(kind.value, text)}
