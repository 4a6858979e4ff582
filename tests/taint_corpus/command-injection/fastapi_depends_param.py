import subprocess

from fastapi import Depends, FastAPI, Query

app = FastAPI()


def repo_name(repo: str = Query(...)) -> str:
    return repo.strip()


@app.post("/mirror")
def mirror(repo: str = Depends(repo_name)):
    subprocess.run(f"git clone --mirror https://git.example.com/{repo}.git /srv/mirrors/", shell=True)  # expect: BST251
    return {"mirrored": repo}
