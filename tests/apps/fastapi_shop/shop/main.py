from fastapi import Depends, FastAPI, WebSocket

from .deps import get_current_user
from .routers import admin, items, users
from .subapp import legacy

app = FastAPI(title="shop")
app.include_router(items.router, prefix="/api")
app.include_router(users.router, prefix="/api/users", dependencies=[Depends(get_current_user)])
app.include_router(admin.router)
app.mount("/legacy", legacy)


@app.get("/health")
def health():
    return {"ok": True}


@app.post("/token")
def token():
    return {}


@app.websocket("/ws/notifications")
async def notifications(websocket: WebSocket):
    await websocket.accept()


@app.post("/contact")
def contact(message: dict):
    with open("messages.txt", "a") as out:
        out.write(str(message))
