import aiosqlite
from aiohttp import web


async def tag_search(request: web.Request) -> web.Response:
    tag = request.query["tag"]
    async with aiosqlite.connect("photos.db") as db:
        cursor = await db.execute(f"SELECT path FROM photos WHERE tag = '{tag}'")  # expect: BST550
        rows = await cursor.fetchall()
    return web.json_response([r[0] for r in rows])


app = web.Application()
app.router.add_get("/photos", tag_search)
