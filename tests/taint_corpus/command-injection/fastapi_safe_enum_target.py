import os
from enum import Enum

from fastapi import FastAPI

app = FastAPI()


class Target(str, Enum):
    staging = "staging"
    production = "production"


@app.post("/deploy/{target}")
def deploy(target: Target):
    os.system(f"./scripts/deploy.sh {target.value}")
    return {"target": target}
