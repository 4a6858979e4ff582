import subprocess

from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class ExportRequest(BaseModel):
    database: str
    output: str


@app.post("/exports")
def export(req: ExportRequest):
    command = " ".join(["pg_dump", req.database, ">", req.output])
    subprocess.run(command, shell=True)  # expect: BST251
    return {"file": req.output}
