from fastapi import FastAPI

from services.previews import fetch_preview

app = FastAPI()


@app.get("/unfurl")
async def unfurl(link: str):
    return await fetch_preview(link)
