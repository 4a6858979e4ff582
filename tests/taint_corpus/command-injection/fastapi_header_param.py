import os

from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/build")
def trigger_build(x_branch: str = Header(default="main")):
    os.system("./scripts/build.sh " + x_branch)  # expect: BST251
    return {"branch": x_branch}
