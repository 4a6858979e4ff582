from aiohttp import web
from lxml import etree


async def rss_import(request: web.Request) -> web.Response:
    payload = await request.read()
    feed = etree.fromstring(payload, etree.XMLParser(resolve_entities=True))  # expect: BST258
    return web.json_response({"items": len(feed.findall(".//item"))})


app = web.Application()
app.router.add_post("/rss", rss_import)
