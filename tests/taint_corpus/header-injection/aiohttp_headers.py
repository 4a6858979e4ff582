from aiohttp import web


async def download(request: web.Request) -> web.Response:
    name = request.query.get("name", "file.txt")
    resp = web.Response(body=b"data")
    resp.headers["Content-Disposition"] = "attachment; filename=" + name  # expect: BST261
    return resp


app = web.Application()
app.router.add_get("/download", download)
