import os

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.post("/processes/{pid}/stop")
def stop(pid: str):
    if not pid.isdigit():
        raise HTTPException(status_code=400, detail="pid must be numeric")
    os.system(f"kill -TERM {int(pid)}")
    return {"stopped": pid}
