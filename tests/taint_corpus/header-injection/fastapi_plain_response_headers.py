from fastapi import FastAPI, Header
from fastapi.responses import PlainTextResponse

app = FastAPI()


@app.get("/echo-lang")
async def echo_lang(accept_language: str = Header("en")):
    return PlainTextResponse("ok", headers={"Content-Language": accept_language})  # expect: BST261
