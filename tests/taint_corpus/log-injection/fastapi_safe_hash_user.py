import hashlib
import logging

from fastapi import FastAPI

app = FastAPI()
logger = logging.getLogger("privacy")


@app.post("/login")
def login(username: str):
    logger.info("login attempt user_hash=%s", hashlib.sha256(username.encode()).hexdigest()[:12])
    return {"ok": True}
