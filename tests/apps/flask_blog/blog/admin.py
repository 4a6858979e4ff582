from flask import Blueprint, abort
from flask_login import current_user, login_required

from .decorators import needs_role
from .models import User, db

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")
reports_bp = Blueprint("reports", __name__, url_prefix="/reports")
admin_bp.register_blueprint(reports_bp)


@admin_bp.before_request
def only_admins():
    if not current_user.is_authenticated or not current_user.is_admin:
        abort(403)


@admin_bp.route("/users")
def users():
    return {"users": [u.name for u in User.query.all()]}


@admin_bp.route("/users/<int:uid>", methods=["DELETE"])
@needs_role("admin")
def delete_user(uid):
    db.session.delete(User.query.get(uid))
    db.session.commit()
    return "", 204


@reports_bp.route("/export")
def export():
    return "csv"
