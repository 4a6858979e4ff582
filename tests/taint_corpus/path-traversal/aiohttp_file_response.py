from aiohttp import web


async def report(request: web.Request) -> web.StreamResponse:
    name = request.query.get("name", "summary.pdf")
    return web.FileResponse("/srv/reports/" + name)  # expect: BST252


app = web.Application()
app.router.add_get("/report", report)
