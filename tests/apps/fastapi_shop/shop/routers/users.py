from fastapi import APIRouter

router = APIRouter()


@router.get("/me")
def me():
    return {}


@router.patch("/me")
def update_me(data: dict):
    return data


@router.get("/")
def list_users():
    return []
