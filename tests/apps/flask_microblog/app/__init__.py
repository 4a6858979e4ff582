from flask import Flask
from flask_login import LoginManager
from flask_principal import Permission, RoleNeed

login = LoginManager()
admin_permission = Permission(RoleNeed("admin"))
app = Flask(__name__)
login.init_app(app)

from app.main import bp as main_bp  # noqa
app.register_blueprint(main_bp)
from app.api import bp as api_bp  # noqa
app.register_blueprint(api_bp, url_prefix="/api/v1")

from app import routes  # noqa
