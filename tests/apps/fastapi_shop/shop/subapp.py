from fastapi import FastAPI

legacy = FastAPI()


@legacy.get("/status")
def legacy_status():
    return {}


@legacy.post("/import")
def legacy_import(data: dict):
    return {}
