import pickle

from aiohttp import web


async def load(request: web.Request) -> web.Response:
    body = await request.read()
    obj = pickle.loads(body)  # expect: BST259
    return web.json_response({"type": type(obj).__name__})


app = web.Application()
app.router.add_post("/load", load)
