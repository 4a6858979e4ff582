from fastapi import APIRouter, Security

from ..deps import DB, CurrentUser, scoped_user

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/")
def list_items(db: DB):
    return []


@router.get("/{item_id}")
def get_item(item_id: int, db: DB):
    return {}


@router.post("/")
def create_item(item: dict, user: CurrentUser):
    return item


@router.put("/{item_id}")
def update_item(item_id: int, item: dict, user=Security(scoped_user, scopes=["items:write"])):
    return item


@router.delete("/{item_id}")
def delete_item(item_id: int, db: DB):
    return None


def reindex(db: DB):
    return None


router.add_api_route("/reindex", reindex, methods=["POST"])
