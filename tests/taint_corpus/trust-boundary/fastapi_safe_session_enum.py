from enum import Enum

from fastapi import FastAPI, Request

app = FastAPI()


class Theme(str, Enum):
    light = "light"
    dark = "dark"


@app.post("/theme/{theme}")
async def set_theme(request: Request, theme: Theme):
    request.session["theme"] = theme.value
    return {"ok": True}
