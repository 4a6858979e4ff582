from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/after-signup")
def after_signup(next: str = "/"):
    target = next
    target = "/welcome"
    return RedirectResponse(target)
