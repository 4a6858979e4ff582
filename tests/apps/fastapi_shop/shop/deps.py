from typing import Annotated

from fastapi import Depends, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, SecurityScopes

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes={"items:write": "write items"})


def get_db():
    yield None


async def get_current_user(token: str = Depends(oauth2_scheme)):
    user = decode(token)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="bad token")
    return user


def require_admin(user=Depends(get_current_user)):
    if not user.is_admin:
        raise HTTPException(status_code=403, detail="admins only")
    return user


def scoped_user(security_scopes: SecurityScopes, token: str = Depends(oauth2_scheme)):
    for scope in security_scopes.scopes:
        if scope not in token_scopes(token):
            raise HTTPException(status_code=403)
    return token


def decode(token):
    return token


def token_scopes(token):
    return []


CurrentUser = Annotated[dict, Depends(get_current_user)]
DB = Annotated[object, Depends(get_db)]
