from fastapi import FastAPI
from fastapi.responses import FileResponse

app = FastAPI()


@app.get("/static/{filename}")
async def static_file(filename: str):
    return FileResponse(f"/srv/static/{filename}")  # expect: BST252
