from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()
TABS = {"profile": "/settings/profile", "billing": "/settings/billing"}


@app.get("/settings")
def settings(tab: str = "profile"):
    return RedirectResponse(TABS.get(tab, "/settings/profile"))
