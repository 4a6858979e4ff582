import subprocess

from fastapi import Depends, FastAPI

app = FastAPI()


def worker_count(workers: int = 4) -> int:
    return max(1, min(workers, 32))


@app.post("/pool/resize")
def resize(workers: int = Depends(worker_count)):
    subprocess.run(f"supervisorctl update && pool-ctl resize {workers}", shell=True)
    return {"workers": workers}
