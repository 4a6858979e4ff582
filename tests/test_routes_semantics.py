"""Framework semantics on small projects: defaults, prefixes, guards by behaviour, config."""

from __future__ import annotations

from pathlib import Path

from bastion.config import Config
from bastion.engine.runner import scan
from tests.helpers import write_project


def _routes(tmp_path: Path, files: dict[str, str], **routes_options) -> dict[tuple, dict]:
    write_project(tmp_path, files)
    config = Config(select=("ALL",), root=tmp_path, sections={"routes": routes_options} if routes_options else {})
    result = scan([tmp_path], config, use_cache=False)
    return {(r["path"], tuple(r["methods"])): r for r in result.extras.get("routes", [])}


def test_flask_methods_default_to_get_and_custom_guard_is_recognised_by_body(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from functools import wraps
        from flask import Flask, abort, session
        app = Flask(__name__)
        def gatekeeper(f):
            @wraps(f)
            def inner(*a, **k):
                if "uid" not in session:
                    abort(401)
                return f(*a, **k)
            return inner
        @app.route("/a")
        def a(): return ""
        @app.route("/b", methods=["POST"])
        @gatekeeper
        def b(): return ""
        @app.route("/c", methods=["POST"])
        def c(): return ""
    """})
    assert routes[("/a", ("GET",))]["access"] == "none"
    assert routes[("/b", ("POST",))]["access"] == "auth"
    assert routes[("/c", ("POST",))]["findings"] == ["BST301"]


def test_public_routes_config_silences_findings(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from flask import Flask
        app = Flask(__name__)
        @app.post("/hooks/stripe")
        def stripe(): return ""
    """}, **{"public-routes": ["/hooks/*"]})
    assert routes[("/hooks/stripe", ("POST",))]["findings"] == []
    assert routes[("/hooks/stripe", ("POST",))]["verdict"] == "public (config)"


def test_drf_without_default_permission_is_permissive(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "proj/__init__.py": "", "proj/urls.py": """
            from rest_framework.routers import SimpleRouter
            from .views import NoteViewSet
            router = SimpleRouter()
            router.register("notes", NoteViewSet)
            urlpatterns = router.urls
        """,
        "proj/views.py": """
            from rest_framework import viewsets
            class NoteViewSet(viewsets.ModelViewSet):
                pass
        """})
    assert set(routes) == {("/notes/", ("GET",)), ("/notes/", ("POST",)), ("/notes/{pk}/", ("GET",)),
                           ("/notes/{pk}/", ("PUT",)), ("/notes/{pk}/", ("PATCH",)), ("/notes/{pk}/", ("DELETE",))}
    assert sum("BST304" in r["findings"] for r in routes.values()) == 1


def test_fastapi_app_dependencies_apply_to_every_route(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from fastapi import Depends, FastAPI, HTTPException
        def key(x_key: str):
            if x_key != "k":
                raise HTTPException(status_code=401)
        app = FastAPI(dependencies=[Depends(key)])
        @app.delete("/things/{id}")
        def drop(id: int): ...
    """})
    assert routes[("/things/{id}", ("DELETE",))]["access"] == "auth"


def test_flask_before_request_hook_lets_its_exemptions_through(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from flask import Flask, redirect, request, url_for
        from flask_login import current_user
        app = Flask(__name__)
        @app.before_request
        def require_login():
            if request.endpoint in ("signin", "static"):
                return
            if not current_user.is_authenticated:
                return redirect(url_for("signin"))
        @app.route("/signin", methods=["GET", "POST"])
        def signin(): return ""
        @app.post("/orders")
        def orders(): return ""
    """})
    assert routes[("/signin", ("GET", "POST"))]["guards"] == []
    assert routes[("/orders", ("POST",))]["access"] == "auth"
    assert routes[("/orders", ("POST",))]["findings"] == []


def test_django_function_view_methods_and_wrapped_cbv(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "site/__init__.py": "", "site/urls.py": """
            from django.contrib.auth.decorators import login_required
            from django.urls import path
            from . import views
            urlpatterns = [path("a/", views.a), path("b/", login_required(views.B.as_view()))]
        """,
        "site/views.py": """
            from django.views import View
            def a(request):
                if request.method == "POST":
                    pass
            class B(View):
                def get(self, request): ...
                def delete(self, request): ...
        """})
    assert ("/a/", ("GET", "POST")) in routes
    assert routes[("/b/", ("DELETE", "GET"))]["access"] == "auth"


def test_drf_get_permissions_and_owner_permission(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "api/__init__.py": "", "api/urls.py": """
            from rest_framework.routers import DefaultRouter
            from .views import PostViewSet
            router = DefaultRouter()
            router.register("posts", PostViewSet, basename="post")
            urlpatterns = router.urls
        """,
        "api/views.py": """
            from rest_framework import viewsets
            from rest_framework.permissions import AllowAny, IsAdminUser
            class PostViewSet(viewsets.ModelViewSet):
                def get_permissions(self):
                    if self.action in ("list", "retrieve"):
                        return [AllowAny()]
                    return [IsAdminUser()]
        """})
    assert routes[("/posts/", ("POST",))]["access"] == "role"
    assert not any(r["findings"] for r in routes.values())


def test_fastapi_class_dependency_with_roles(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from fastapi import Depends, FastAPI, HTTPException
        def current(token: str = ""):
            if not token:
                raise HTTPException(status_code=401)
            return token
        class RoleChecker:
            def __init__(self, allowed):
                self.allowed = allowed
            def __call__(self, user=Depends(current)):
                if user.role not in self.allowed:
                    raise HTTPException(status_code=403)
        allow_admin = RoleChecker(["admin"])
        app = FastAPI()
        @app.post("/admin/purge", dependencies=[Depends(allow_admin)])
        def purge(): ...
    """})
    row = routes[("/admin/purge", ("POST",))]
    assert (row["access"], row["roles"], row["findings"]) == ("role", ["admin"], [])


def test_fastapi_header_token_dependency_refusing_with_400_is_a_guard(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from typing import Annotated
        from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException
        async def get_token_header(x_token: Annotated[str, Header()]):
            if x_token != "fake-super-secret-token":
                raise HTTPException(status_code=400, detail="X-Token header invalid")
        router = APIRouter()
        @router.put("/{item_id}")
        async def update_item(item_id: str): ...
        app = FastAPI()
        app.include_router(router, prefix="/admin", dependencies=[Depends(get_token_header)])
    """})
    assert routes[("/admin/{item_id}", ("PUT",))]["access"] == "auth"


def test_fastapi_dependency_raising_a_prepared_exception(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from fastapi import Depends, FastAPI, HTTPException, Request, status
        def current_user(request: Request):
            denied = HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
            user = request.session.get("user")
            if user is None:
                raise denied
            return user
        app = FastAPI()
        @app.post("/notes")
        def add_note(user=Depends(current_user)): ...
    """})
    assert routes[("/notes", ("POST",))]["access"] == "auth"


def test_guards_named_anything_with_role_words_inside(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from functools import wraps
        from flask import Flask, jsonify
        from flask_jwt_extended import get_jwt, verify_jwt_in_request
        app = Flask(__name__)
        def sentinel():
            def wrapper(fn):
                @wraps(fn)
                def decorator(*args, **kwargs):
                    verify_jwt_in_request()
                    claims = get_jwt()
                    if claims["is_administrator"]:
                        return fn(*args, **kwargs)
                    else:
                        return jsonify(msg="Admins only!"), 403
                return decorator
            return wrapper
        @app.post("/purge")
        @sentinel()
        def purge(): ...
    """,
        "views.py": """
            from django.contrib.auth.decorators import user_passes_test
            @user_passes_test(lambda u: u.is_superuser)
            def wipe(request): ...
            @user_passes_test(lambda u: u.is_authenticated)
            def mine(request): ...
        """,
        "urls.py": """
            from django.urls import path
            from views import wipe, mine
            urlpatterns = [path("wipe/", wipe), path("mine/", mine)]
        """})
    assert routes[("/purge", ("POST",))]["access"] == "role"
    assert (routes[("/wipe/", ("GET",))]["access"], routes[("/wipe/", ("GET",))]["roles"]) == ("role", ["superuser"])
    assert routes[("/mine/", ("GET",))]["access"] == "auth"


def test_csrf_exempt_on_a_class_view_is_reported_once_with_the_generic_rule(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "shop/__init__.py": "", "shop/urls.py": """
            from django.urls import path
            from .views import Hook
            urlpatterns = [path("hook/", Hook.as_view())]
        """,
        "shop/views.py": """
            from django.utils.decorators import method_decorator
            from django.views import View
            from django.views.decorators.csrf import csrf_exempt
            @method_decorator(csrf_exempt, name="dispatch")
            class Hook(View):
                def post(self, request):
                    if not request.user.is_staff:
                        raise PermissionError("no")
        """})
    result = scan([tmp_path], Config(select=("ALL",), root=tmp_path), use_cache=False)
    csrf = [f for f in result.findings if f.rule.cwe == 352]
    assert len(csrf) == 1 and csrf[0].location.line == 5
    row = result.extras["routes"][0]
    assert (row["access"], row["roles"]) == ("role", ["staff"])


def test_starlette_route_lists_mounts_and_requires(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from starlette.applications import Starlette
        from starlette.authentication import requires
        from starlette.routing import Mount, Route, WebSocketRoute
        async def homepage(request): ...
        @requires("authenticated")
        async def upload(request): ...
        @requires(["authenticated", "admin"])
        async def wipe(request): ...
        async def feed(websocket): ...
        routes = [
            Route("/", homepage),
            Mount("/files", routes=[Route("/upload", upload, methods=["POST"]), Route("/wipe", wipe, methods=["DELETE"])]),
            WebSocketRoute("/ws", feed),
        ]
        app = Starlette(routes=routes)
    """})
    assert set(routes) == {("/", ("GET",)), ("/files/upload", ("POST",)), ("/files/wipe", ("DELETE",)), ("/ws", ("WEBSOCKET",))}
    assert routes[("/files/upload", ("POST",))]["access"] == "auth"
    assert (routes[("/files/wipe", ("DELETE",))]["access"], routes[("/files/wipe", ("DELETE",))]["roles"]) == ("role", ["admin"])


def test_flask_decorator_above_the_route_protects_nothing(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from flask import Flask
        from flask_login import login_required
        app = Flask(__name__)
        @login_required
        @app.route("/wrong", methods=["POST"])
        def wrong(): ...
        @app.route("/right", methods=["POST"])
        @login_required
        def right(): ...
    """})
    assert routes[("/wrong", ("POST",))]["findings"] == ["BST301"]
    assert routes[("/right", ("POST",))]["access"] == "auth"


def test_flask_restx_namespaces_and_restful_resources(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"api.py": """
        from flask import Blueprint, Flask
        from flask_restful import Api as RestfulApi, Resource
        from flask_restx import Api, Namespace, Resource as XResource
        from flask_login import login_required
        app = Flask(__name__)
        bp = Blueprint("v1", __name__, url_prefix="/v1")
        api = Api(bp)
        ns = Namespace("cats", path="/cats")
        api.add_namespace(ns)
        app.register_blueprint(bp)
        @ns.route("/<int:id>")
        class Cat(XResource):
            method_decorators = [login_required]
            def get(self, id): ...
            def delete(self, id): ...
        legacy = RestfulApi(app, prefix="/legacy")
        class Todo(Resource):
            def put(self, todo_id): ...
        legacy.add_resource(Todo, "/todos/<todo_id>")
    """})
    assert routes[("/v1/cats/<int:id>", ("DELETE", "GET"))]["access"] == "auth"
    assert routes[("/legacy/todos/<todo_id>", ("PUT",))]["findings"] == ["BST301"]


def test_fastapi_http_middleware_that_refuses_guards_the_app_minus_its_exemptions(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from fastapi import FastAPI, Request
        from fastapi.responses import JSONResponse
        app = FastAPI()
        @app.middleware("http")
        async def require_api_key(request: Request, call_next):
            if request.url.path.startswith("/public"):
                return await call_next(request)
            if request.headers.get("x-api-key") != "k":
                return JSONResponse({"detail": "no"}, status_code=401)
            return await call_next(request)
        @app.post("/orders")
        def order(): ...
        @app.post("/public/feedback")
        def feedback(): ...
    """})
    assert routes[("/orders", ("POST",))]["access"] == "auth"
    assert routes[("/public/feedback", ("POST",))]["findings"] == ["BST301"]


def test_django_project_middleware_that_redirects_to_login(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "site/__init__.py": "",
        "site/settings.py": 'MIDDLEWARE = ["site.middleware.AuthRequired"]\nROOT_URLCONF = "site.urls"\n',
        "site/middleware.py": """
            from django.shortcuts import redirect
            class AuthRequired:
                def __init__(self, get_response):
                    self.get_response = get_response
                def __call__(self, request):
                    if request.path.startswith("/open/"):
                        return self.get_response(request)
                    if not request.user.is_authenticated:
                        return redirect("/accounts/login/")
                    return self.get_response(request)
        """,
        "site/urls.py": """
            from django.urls import path
            from django.views.decorators.http import require_POST
            @require_POST
            def pay(request): ...
            @require_POST
            def vote(request): ...
            urlpatterns = [path("pay/", pay), path("open/vote/", vote)]
        """})
    assert routes[("/pay/", ("POST",))]["access"] == "auth"
    assert routes[("/open/vote/", ("POST",))]["findings"] == ["BST301"]


def test_drf_router_without_trailing_slash_and_restricted_methods(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "api/__init__.py": "",
        "api/settings.py": 'REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAuthenticated",)}\n',
        "api/urls.py": """
            from rest_framework.routers import SimpleRouter
            from .views import LogViewSet
            router = SimpleRouter(trailing_slash=False)
            router.register("logs", LogViewSet, basename="log")
            urlpatterns = router.urls
        """,
        "api/views.py": """
            from rest_framework.viewsets import ModelViewSet
            class LogViewSet(ModelViewSet):
                http_method_names = ["get", "head"]
        """})
    assert set(routes) == {("/logs", ("GET",)), ("/logs/{pk}", ("GET",))}
    assert all(r["access"] == "auth" for r in routes.values())


def test_flaskr_style_login_required_and_author_check_in_a_helper(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "flaskr/__init__.py": """
            from flask import Flask
            def create_app():
                app = Flask(__name__)
                from . import auth, blog
                app.register_blueprint(auth.bp)
                app.register_blueprint(blog.bp)
                return app
        """,
        "flaskr/auth.py": """
            import functools
            from flask import Blueprint, g, redirect, session, url_for
            bp = Blueprint("auth", __name__, url_prefix="/auth")
            def login_required(view):
                @functools.wraps(view)
                def wrapped_view(**kwargs):
                    if g.user is None:
                        return redirect(url_for("auth.login"))
                    return view(**kwargs)
                return wrapped_view
            @bp.before_app_request
            def load_logged_in_user():
                g.user = session.get("user_id")
            @bp.route("/login", methods=("GET", "POST"))
            def login(): ...
        """,
        "flaskr/blog.py": """
            from flask import Blueprint, abort, g
            from flaskr.auth import login_required
            bp = Blueprint("blog", __name__)
            def get_post(id, check_author=True):
                post = find(id)
                if post is None:
                    abort(404, f"Post id {id} doesn't exist.")
                if check_author and post["author_id"] != g.user["id"]:
                    abort(403)
                return post
            @bp.route("/<int:id>/delete", methods=("POST",))
            @login_required
            def delete(id):
                get_post(id)
                db.execute("DELETE FROM post WHERE id = ?", (id,))
        """})
    row = routes[("/<int:id>/delete", ("POST",))]
    assert (row["access"], row["roles"], row["findings"]) == ("role", [], [])
    assert routes[("/auth/login", ("GET", "POST"))]["guards"] == []


def test_fastapi_app_dependencies_do_not_reach_a_mounted_sub_application(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"main.py": """
        from fastapi import Depends, FastAPI, HTTPException
        def key(x_key: str):
            if x_key != "k":
                raise HTTPException(status_code=401)
        app = FastAPI(dependencies=[Depends(key)])
        legacy = FastAPI()
        @legacy.post("/import")
        def legacy_import(): ...
        app.mount("/legacy", legacy)
    """})
    assert routes[("/legacy/import", ("POST",))]["findings"] == ["BST301"]


def test_routes_declared_on_an_app_parameter(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "web/__init__.py": """
            from flask import Flask
            from .views import register_views
            app = Flask(__name__)
            register_views(app)
        """,
        "web/views.py": """
            def register_views(app):
                @app.route("/items", methods=["POST"])
                def add_item(): ...
        """})
    assert routes[("/items", ("POST",))]["findings"] == ["BST301"]


def test_django_method_decorator_on_post_only_guards_the_writes(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "site/__init__.py": "", "site/urls.py": """
            from django.urls import path
            from .views import Board
            urlpatterns = [path("board/", Board.as_view())]
        """,
        "site/views.py": """
            from django.contrib.auth.decorators import login_required
            from django.utils.decorators import method_decorator
            from django.views import View
            @method_decorator(login_required, name="post")
            class Board(View):
                def get(self, request): ...
                def post(self, request): ...
        """})
    row = routes[("/board/", ("GET", "POST"))]
    assert row["access"] == "auth" and row["findings"] == []


def test_flask_method_view_with_a_guard_on_its_write_methods(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {"app.py": """
        from flask import Flask
        from flask.views import MethodView
        from flask_login import login_required
        app = Flask(__name__)
        class Notes(MethodView):
            def get(self): ...
            @login_required
            def post(self): ...
        app.add_url_rule("/notes", view_func=Notes.as_view("notes"))
    """})
    row = routes[("/notes", ("GET", "POST"))]
    assert row["access"] == "auth" and row["findings"] == []


def test_django_guards_defined_in_the_scanned_project_itself(tmp_path: Path) -> None:
    """Scanning Django itself: `login_required` and `login_not_required` are project functions
    whose bodies delegate; their names still say what they guarantee."""
    routes = _routes(tmp_path, {
        "django/__init__.py": "", "django/contrib/__init__.py": "", "django/contrib/auth/__init__.py": "",
        "django/contrib/auth/decorators.py": """
            def user_passes_test(test_func, login_url=None):
                def decorator(view_func):
                    return view_func
                return decorator

            def login_required(function=None, login_url=None):
                actual_decorator = user_passes_test(lambda u: u.is_authenticated, login_url=login_url)
                return actual_decorator(function) if function else actual_decorator

            def login_not_required(view_func):
                view_func.login_required = False
                return view_func

            def remember(view_func):
                return view_func
        """,
        "django/contrib/auth/urls.py": """
            from django.urls import path
            from django.contrib.auth import views
            urlpatterns = [
                path("password_change/", views.PasswordChangeView.as_view()),
                path("reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view()),
                path("notes/", views.NotesView.as_view()),
            ]
        """,
        "django/contrib/auth/views.py": """
            from django.contrib.auth.decorators import login_not_required, login_required, remember
            from django.utils.decorators import method_decorator
            from django.views.generic.edit import FormView

            class PasswordChangeView(FormView):
                @method_decorator(login_required)
                def dispatch(self, *args, **kwargs):
                    return super().dispatch(*args, **kwargs)

            @method_decorator(login_not_required, name="dispatch")
            class PasswordResetConfirmView(FormView):
                def dispatch(self, *args, **kwargs):
                    return super().dispatch(*args, **kwargs)

            class NotesView(FormView):
                @method_decorator([remember])
                def dispatch(self, *args, **kwargs):
                    return super().dispatch(*args, **kwargs)
        """})
    assert routes[("/password_change/", ("GET", "POST"))]["access"] == "auth"
    assert routes[("/password_change/", ("GET", "POST"))]["findings"] == []
    assert routes[("/reset/<uidb64>/<token>/", ("GET", "POST"))]["findings"] == []
    assert routes[("/notes/", ("GET", "POST"))]["findings"] == ["BST301"]


def test_a_language_switch_writing_nothing_is_public_by_purpose(tmp_path: Path) -> None:
    routes = _routes(tmp_path, {
        "site/__init__.py": "", "site/urls.py": """
            from django.urls import path
            from .views import set_language, set_nickname
            urlpatterns = [path("i18n/setlang/", set_language), path("nick/", set_nickname)]
        """,
        "site/views.py": """
            from django.http import HttpResponseRedirect
            from django.views.decorators.http import require_POST

            @require_POST
            def set_language(request):
                response = HttpResponseRedirect("/")
                response.set_cookie("django_language", request.POST.get("language"))
                return response

            @require_POST
            def set_nickname(request):
                response = HttpResponseRedirect("/")
                response.set_cookie("nick", request.POST.get("nick"))
                return response
        """})
    assert routes[("/i18n/setlang/", ("POST",))]["findings"] == []
    assert routes[("/nick/", ("POST",))]["findings"] == ["BST301"]
