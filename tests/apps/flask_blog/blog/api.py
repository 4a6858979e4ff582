from flask import Blueprint, request
from flask_login import login_required

from .models import Post, db

api_bp = Blueprint("api", __name__)


@api_bp.get("/posts")
@login_required
def list_posts():
    return {"posts": []}


@api_bp.get("/posts/<int:post_id>")
@login_required
def get_post(post_id):
    return {}


@api_bp.get("/stats")
@login_required
def stats():
    return {}


@api_bp.get("/drafts")
def drafts():
    return {"drafts": []}


@api_bp.get("/settings")
@login_required
def settings():
    return {}


@api_bp.put("/posts/<int:post_id>")
def update_post(post_id):
    Post.query.get(post_id).update(request.json)
    db.session.commit()
    return {}
