from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/uploads")
async def upload(file: UploadFile):
    data = await file.read()
    with open(f"/srv/uploads/{file.filename}", "wb") as out:  # expect: BST252
        out.write(data)
    return {"size": len(data)}
