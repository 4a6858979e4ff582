import logging

from fastapi import FastAPI

app = FastAPI()
logger = logging.getLogger("api")


@app.get("/items/{item_id}")
async def item(item_id: int):
    logger.info("fetching item %d", item_id)
    return {"id": item_id}
