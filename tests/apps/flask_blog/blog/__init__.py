from flask import Flask

from .admin import admin_bp
from .api import api_bp
from .auth import auth_bp
from .posts import posts_bp


def create_app():
    app = Flask(__name__)
    app.register_blueprint(auth_bp)
    app.register_blueprint(posts_bp, url_prefix="/posts")
    app.register_blueprint(admin_bp)
    app.register_blueprint(api_bp, url_prefix="/api")

    @app.route("/health")
    def health():
        return "ok"

    return app
