from enum import Enum

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


class Page(str, Enum):
    docs = "/docs"
    home = "/"


@app.get("/go/{page}")
async def go(page: Page):
    return RedirectResponse(url=page.value)
