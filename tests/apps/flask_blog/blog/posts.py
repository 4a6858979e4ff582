from flask import Blueprint, render_template, request
from flask.views import MethodView
from flask_login import current_user, login_required

from .decorators import must_be_signed_in, timed
from .models import Post, db

posts_bp = Blueprint("posts", __name__)


@posts_bp.route("/")
def index():
    return render_template("index.html", posts=Post.query.all())


@posts_bp.route("/<int:post_id>")
@timed
def show(post_id):
    return render_template("post.html", post=Post.query.get_or_404(post_id))


@posts_bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    db.session.add(Post(author=current_user, **request.form))
    db.session.commit()
    return "created"


@posts_bp.route("/<int:post_id>/edit", methods=["POST"])
@must_be_signed_in
def edit(post_id):
    Post.query.get(post_id).update(request.form)
    db.session.commit()
    return "ok"


@posts_bp.route("/<int:post_id>/like")
def like(post_id):
    Post.query.get(post_id).likes += 1
    db.session.commit()
    return "liked"


@posts_bp.delete("/<int:post_id>")
@timed
def remove(post_id):
    db.session.delete(Post.query.get(post_id))
    db.session.commit()
    return "", 204


class CommentAPI(MethodView):
    decorators = [login_required]

    def get(self, post_id):
        return {"comments": []}

    def post(self, post_id):
        db.session.commit()
        return {}, 201


posts_bp.add_url_rule("/<int:post_id>/comments", view_func=CommentAPI.as_view("comments"))
