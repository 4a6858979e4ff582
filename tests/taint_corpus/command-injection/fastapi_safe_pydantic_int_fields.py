import subprocess

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()


class ScaleRequest(BaseModel):
    replicas: int = Field(ge=0, le=20)
    cpu_millis: int = 500


@app.post("/deployments/web/scale")
def scale(req: ScaleRequest):
    subprocess.run(f"kubectl scale deployment/web --replicas={req.replicas}", shell=True, check=True)
    return {"replicas": req.replicas, "cpu": req.cpu_millis}
