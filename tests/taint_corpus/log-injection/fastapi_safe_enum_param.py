import logging
from enum import Enum

from fastapi import FastAPI

app = FastAPI()
logger = logging.getLogger("api")


class Sort(str, Enum):
    newest = "newest"
    oldest = "oldest"


@app.get("/feed")
async def feed(sort: Sort = Sort.newest):
    logger.info("feed requested, sort=%s", sort.value)
    return {"sort": sort}
