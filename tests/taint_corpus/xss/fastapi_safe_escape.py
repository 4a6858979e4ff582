import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/greet", response_class=HTMLResponse)
async def greet(name: str = "friend"):
    return HTMLResponse(content=f"<html><body>Hi {html.escape(name)}</body></html>")
