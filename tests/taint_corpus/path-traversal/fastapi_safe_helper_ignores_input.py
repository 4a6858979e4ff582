from pathlib import Path

from fastapi import FastAPI

app = FastAPI()


def report_path(requested: str) -> Path:
    # Every user gets the same nightly report; the requested name is only used for logging elsewhere.
    return Path("/srv/reports/nightly.csv")


@app.get("/reports")
def report(name: str = "nightly"):
    return {"csv": report_path(name).read_text()}
