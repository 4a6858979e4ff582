from fastapi import FastAPI, Response

from headers import attach_download_headers

app = FastAPI()


@app.get("/exports/{name}")
def export(name: str, response: Response):
    attach_download_headers(response, name)
    return {"name": name}
