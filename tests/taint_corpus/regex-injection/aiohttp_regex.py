import re

from aiohttp import web

WORDS = ["alpha", "beta", "gamma"]


async def match_words(request: web.Request) -> web.Response:
    rx = re.compile(request.query["re"])  # expect: BST262
    return web.json_response([w for w in WORDS if rx.search(w)])


app = web.Application()
app.router.add_get("/words", match_words)
