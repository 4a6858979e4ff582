from uuid import UUID

from fastapi import FastAPI, Response

app = FastAPI()


@app.get("/files/{file_id}")
def file_meta(file_id: UUID, response: Response):
    response.headers["X-File-Id"] = str(file_id)
    return {"id": file_id}
