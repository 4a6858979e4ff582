from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/ref")
async def referral(request: Request):
    source = request.query_params.get("src", "direct")
    page = "<p>You came from <em>%s</em></p>" % source
    return HTMLResponse(page)  # expect: BST253
