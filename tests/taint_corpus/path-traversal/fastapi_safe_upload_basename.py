import os

from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/uploads")
async def upload(file: UploadFile):
    data = await file.read()
    name = os.path.basename(file.filename or "upload.bin")
    with open(os.path.join("/srv/uploads", name), "wb") as out:
        out.write(data)
    return {"size": len(data)}
