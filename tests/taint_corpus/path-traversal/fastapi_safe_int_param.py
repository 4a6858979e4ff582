from fastapi import FastAPI
from fastapi.responses import FileResponse

app = FastAPI()


@app.get("/thumbs/{photo_id}")
async def thumbnail(photo_id: int):
    return FileResponse(f"/srv/thumbs/{photo_id}.jpg", media_type="image/jpeg")
