from fastapi import FastAPI, UploadFile
from werkzeug.utils import secure_filename

app = FastAPI()


@app.post("/avatars")
async def avatar(file: UploadFile):
    name = secure_filename(file.filename or "avatar.png")
    with open(f"/srv/avatars/{name}", "wb") as out:
        out.write(await file.read())
    return {"name": name}
