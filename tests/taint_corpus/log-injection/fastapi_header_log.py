import logging

from fastapi import FastAPI, Header

app = FastAPI()
logger = logging.getLogger("api")


@app.get("/whoami")
def whoami(x_user: str = Header("anonymous")):
    logger.info("request from %s" % x_user)  # expect: BST750
    return {"user": x_user}
