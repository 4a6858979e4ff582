import os

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])


@app.get("/page-size")
async def page_size(request: Request, size: int = 20):
    request.session["page_size"] = min(size, 100)
    return {"ok": True}
