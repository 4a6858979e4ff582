from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/check", response_class=HTMLResponse)
def check(code: str = ""):
    valid = code.isdigit() and len(code) == 6
    return HTMLResponse(f"<p>Code valid: {valid}</p>")
