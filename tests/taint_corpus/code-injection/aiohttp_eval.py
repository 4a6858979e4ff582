from aiohttp import web


async def evaluate(request: web.Request) -> web.Response:
    data = await request.post()
    result = eval(data["expression"])  # expect: BST250
    return web.json_response({"result": result})


app = web.Application()
app.router.add_post("/eval", evaluate)
