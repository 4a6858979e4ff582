from fastapi import FastAPI, Request

from telemetry import log_request

app = FastAPI()


@app.middleware("http")
async def access_log(request: Request, call_next):
    log_request(request.url.path, request.headers.get("user-agent", "-"))
    return await call_next(request)
