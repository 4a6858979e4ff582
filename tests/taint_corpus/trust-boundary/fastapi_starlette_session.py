import os

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])


@app.get("/remember")
async def remember(request: Request, nickname: str):
    request.session["nickname"] = nickname  # expect: BST260
    return {"ok": True}
