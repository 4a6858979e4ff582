import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/tools/traceroute")
async def traceroute(target: str):
    proc = await asyncio.create_subprocess_shell("traceroute -m 10 " + target, stdout=asyncio.subprocess.PIPE)  # expect: BST251
    stdout, _ = await proc.communicate()
    return {"hops": stdout.decode().splitlines()}
