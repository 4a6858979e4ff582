from enum import Enum
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


class Doc(str, Enum):
    terms = "terms"
    privacy = "privacy"


@app.get("/legal/{doc}")
def legal(doc: Doc):
    return {"text": Path(f"/srv/legal/{doc.value}.md").read_text()}
