from app.api import bp
from app.api.auth import basic_auth, token_auth


@bp.route("/tokens", methods=["POST"])
@basic_auth.login_required
def get_token():
    return {}


@bp.route("/tokens", methods=["DELETE"])
@token_auth.login_required
def revoke_token():
    return "", 204
