from aiohttp import web
from aiohttp_session import get_session


async def remember_theme(request: web.Request) -> web.Response:
    session = await get_session(request)
    session["theme"] = request.query.get("theme", "light")  # expect: BST260
    return web.Response(text="ok")


app = web.Application()
app.router.add_get("/theme", remember_theme)
