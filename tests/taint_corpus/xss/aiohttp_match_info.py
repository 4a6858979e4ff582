from aiohttp import web


async def user_page(request: web.Request) -> web.Response:
    username = request.match_info["username"]
    return web.Response(text="<h1>" + username + "</h1>", content_type="text/html")  # expect: BST253


app = web.Application()
app.router.add_get("/u/{username}", user_page)
