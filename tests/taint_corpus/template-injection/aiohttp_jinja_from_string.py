import jinja2
from aiohttp import web

env = jinja2.Environment(autoescape=True)


async def preview(request: web.Request) -> web.Response:
    data = await request.post()
    html = env.from_string(data["template"]).render()  # expect: BST263
    return web.Response(text=html, content_type="text/html")


app = web.Application()
app.router.add_post("/preview", preview)
