from fastapi import APIRouter, Depends

from ..deps import require_admin

router = APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])


@router.get("/billing")
def billing():
    return {}


@router.post("/settings")
def change_settings(data: dict):
    return data
