from fastapi import FastAPI, Request
from fastapi.templating import Jinja2Templates

app = FastAPI()
templates = Jinja2Templates(directory="templates")


@app.get("/cards/preview")
async def card_preview(request: Request, title: str = "Card"):
    return templates.TemplateResponse(request, "card.html", {"title": title})
