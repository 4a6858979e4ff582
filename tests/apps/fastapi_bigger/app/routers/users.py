from typing import Annotated

from fastapi import APIRouter, Depends

from ..dependencies import get_current_active_user, get_current_superuser

router = APIRouter()


@router.get("/users/", tags=["users"])
async def read_users(current_user: Annotated[dict, Depends(get_current_superuser)]):
    return []


@router.get("/users/me", tags=["users"])
async def read_user_me(current_user: Annotated[dict, Depends(get_current_active_user)]):
    return current_user


@router.get("/users/{username}", tags=["users"])
async def read_user(username: str):
    return {"username": username}


@router.delete("/users/{username}")
async def delete_user(username: str, current_user=Depends(get_current_active_user)):
    return None
