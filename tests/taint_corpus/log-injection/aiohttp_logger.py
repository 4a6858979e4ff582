import logging

from aiohttp import web

logger = logging.getLogger("gateway")


async def handle(request: web.Request) -> web.Response:
    client = request.headers.get("X-Client-Name", "unknown")
    logger.info("request from client %s", client)  # expect: BST750
    return web.Response(text="ok")


app = web.Application()
app.router.add_get("/", handle)
