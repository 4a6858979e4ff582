from fastapi import FastAPI, Request
from starlette.responses import Response

app = FastAPI()


@app.get("/trace")
async def trace(request: Request):
    trace_id = request.headers.get("traceparent", "")
    return Response("ok", headers={"X-Trace": trace_id})  # expect: BST261
