from aiohttp import web


async def bounce(request: web.Request) -> web.Response:
    raise web.HTTPFound(request.query.get("to", "/"))  # expect: BST255


app = web.Application()
app.router.add_get("/bounce", bounce)
