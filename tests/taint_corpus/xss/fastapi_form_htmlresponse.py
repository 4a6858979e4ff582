from fastapi import FastAPI, Form
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.post("/guestbook", response_class=HTMLResponse)
def sign(name: str = Form(...), message: str = Form(...)):
    entry = "<article><h4>%s</h4><p>%s</p></article>" % (name, message)
    return HTMLResponse(entry)  # expect: BST253
