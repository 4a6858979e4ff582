import httpx


async def fetch_preview(link: str) -> dict:
    async with httpx.AsyncClient(follow_redirects=True) as client:
        page = await client.get(link, timeout=5)  # expect: BST254
    return {"status": page.status_code, "bytes": len(page.content)}
