from urllib.parse import urlsplit

import httpx

PREVIEW_HOSTS = {"www.youtube.com", "vimeo.com"}


async def fetch_preview(link: str) -> dict:
    if urlsplit(link).hostname not in PREVIEW_HOSTS:
        return {"status": None}
    async with httpx.AsyncClient() as client:
        page = await client.get(link, timeout=5)
    return {"status": page.status_code}
