import logging

from fastapi import FastAPI

app = FastAPI()
logger = logging.getLogger("api")


@app.get("/search")
async def search(q: str):
    logger.warning("slow search: %s", q)  # expect: BST750
    return {"results": []}
