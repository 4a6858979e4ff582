import aiofiles
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/logs")
async def tail_log(service: str = Query("api")):
    async with aiofiles.open(f"/var/log/{service}.log") as fh:  # expect: BST252
        content = await fh.read()
    return {"tail": content[-2000:]}
