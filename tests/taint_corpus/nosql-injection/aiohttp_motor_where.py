from aiohttp import web
from motor.motor_asyncio import AsyncIOMotorClient

db = AsyncIOMotorClient().library


async def search(request: web.Request) -> web.Response:
    author = request.query.get("author", "")
    cursor = db.books.find({"$where": "this.author == '" + author + "'"})  # expect: BST264
    return web.json_response([b["title"] async for b in cursor])


app = web.Application()
app.router.add_get("/books", search)
