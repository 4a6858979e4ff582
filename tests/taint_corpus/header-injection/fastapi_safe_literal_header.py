from typing import Literal

from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/cache-policy")
def cache_policy(response: Response, mode: Literal["public", "private"] = "private"):
    response.headers["Cache-Control"] = f"{mode}, max-age=60"
    return {"mode": mode}
