import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/logs/{service}")
def logs(service: str, lines: int = 100):
    path = os.path.join("/var/log/services", service + ".log")
    with open(path, encoding="utf-8", errors="replace") as fh:  # expect: BST252
        return {"tail": fh.readlines()[-lines:]}
