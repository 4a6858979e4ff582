import subprocess

from fastapi import FastAPI

app = FastAPI()


@app.get("/dns")
def dns(name: str):
    return {"answer": subprocess.getoutput("dig +short " + name)}  # expect: BST251
