from flask import Flask

from .config import Config


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)

    from .accounts import accounts
    from .admin import admin
    from .cart import cart
    from .catalog import catalog

    app.register_blueprint(catalog)
    app.register_blueprint(cart, url_prefix="/cart")
    app.register_blueprint(accounts, url_prefix="/accounts")
    app.register_blueprint(admin, url_prefix="/admin")
    return app
