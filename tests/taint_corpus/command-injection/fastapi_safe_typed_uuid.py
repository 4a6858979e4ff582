import subprocess
from uuid import UUID

from fastapi import FastAPI

app = FastAPI()


@app.post("/jobs/{job_id}/cancel")
def cancel_job(job_id: UUID):
    subprocess.run(f"jobctl cancel {job_id}", shell=True, check=True)
    return {"cancelled": str(job_id)}
