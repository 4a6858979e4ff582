from aiohttp import web
from lxml import etree

TREE = etree.parse("/srv/data/catalog.xml")


async def by_isbn(request: web.Request) -> web.Response:
    isbn = request.query.get("isbn", "")
    titles = TREE.xpath(f"//book[@isbn='{isbn}']/title/text()")  # expect: BST257
    return web.json_response([str(t) for t in titles])


app = web.Application()
app.router.add_get("/books", by_isbn)
