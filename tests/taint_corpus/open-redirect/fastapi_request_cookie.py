from fastapi import Cookie, FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/resume")
def resume(last_page: str = Cookie(default="/")):
    response = RedirectResponse(last_page, status_code=302)  # expect: BST255
    return response
