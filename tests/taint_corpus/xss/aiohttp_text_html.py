from aiohttp import web


async def hello(request: web.Request) -> web.Response:
    who = request.query.get("who", "world")
    return web.Response(text=f"<h1>Hello {who}</h1>", content_type="text/html")  # expect: BST253


app = web.Application()
app.router.add_get("/", hello)
