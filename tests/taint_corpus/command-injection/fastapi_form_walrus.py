import subprocess

from fastapi import FastAPI, Form

app = FastAPI()


@app.post("/git/tag")
def git_tag(name: str = Form(...), message: str = Form("")):
    if (cmd := f"git tag -a {name} -m '{message}'"):
        subprocess.check_call(cmd, shell=True)  # expect: BST251
    return {"tag": name}
