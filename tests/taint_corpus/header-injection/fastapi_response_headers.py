from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/files/{name}")
def file_meta(name: str, response: Response):
    response.headers["Content-Disposition"] = f"inline; filename={name}"  # expect: BST261
    return {"name": name}
