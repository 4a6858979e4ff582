from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/counter/{value}")
def counter(value: int):
    return HTMLResponse(f"<span class='counter'>{value}</span>")
