import asyncio

from aiohttp import web


async def disk_usage(request: web.Request) -> web.Response:
    path = request.match_info["path"]
    proc = await asyncio.create_subprocess_shell(f"du -sh /srv/{path}", stdout=asyncio.subprocess.PIPE)  # expect: BST251
    out, _ = await proc.communicate()
    return web.Response(text=out.decode())


app = web.Application()
app.router.add_get("/du/{path}", disk_usage)
