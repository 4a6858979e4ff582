import aiohttp
from aiohttp import web


async def proxy(request: web.Request) -> web.Response:
    target = request.query["target"]
    async with aiohttp.ClientSession() as session:
        async with session.get(target) as upstream:  # expect: BST254
            body = await upstream.read()
    return web.Response(body=body)


app = web.Application()
app.router.add_get("/proxy", proxy)
