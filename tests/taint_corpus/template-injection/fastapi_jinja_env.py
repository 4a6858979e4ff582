from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment

app = FastAPI()
jinja = Environment()


@app.get("/cards/preview", response_class=HTMLResponse)
async def card_preview(layout: str):
    tpl = jinja.from_string(layout)  # expect: BST263
    return tpl.render(title="Card")
