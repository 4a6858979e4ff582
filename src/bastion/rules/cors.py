"""CORS that lets any origin make credentialed requests."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

CORS_MIDDLEWARE = frozenset({"starlette.middleware.cors.CORSMiddleware", "fastapi.middleware.cors.CORSMiddleware"})
MIDDLEWARE_WRAPPERS = frozenset({"starlette.middleware.Middleware", "fastapi.middleware.Middleware"})
FLASK_CORS = frozenset({"flask_cors.CORS", "flask_cors.cross_origin", "flask_cors.extension.CORS", "flask_cors.decorator.cross_origin"})
_MATCH_ALL = re.compile(r"^\^?(?:https?://|\(https\?://\)|https\?://)?\.[*+]\$?$")


def _origins_are_any(ctx: Context, node: ast.expr | None, *, default: bool) -> bool:
    if node is None:
        return default
    value = ctx.constant(node)
    if value == "*":
        return True
    if isinstance(value, (list, tuple, set)):
        return "*" in value or any(isinstance(v, str) and bool(_MATCH_ALL.match(v)) for v in value)
    return isinstance(value, str) and bool(_MATCH_ALL.match(value))


def _flask_resources_restricted(ctx: Context, resources: ast.expr | None) -> bool:
    """`resources={r"/api/*": {"origins": ["https://app.example.com"]}}` limits every resource."""
    value = ctx.constant(resources)
    if not isinstance(value, dict) or not value:
        return False
    return all(isinstance(options, dict) and "origins" in options and not _any_literal(options["origins"]) for options in value.values())


def _any_literal(origins: object) -> bool:
    if origins == "*":
        return True
    return isinstance(origins, (list, tuple, set)) and "*" in origins


def _starlette_options(ctx: Context, call: ast.Call, name: str | None) -> ast.Call | None:
    """The call carrying CORSMiddleware's options, if this call configures it."""
    if name in CORS_MIDDLEWARE:
        return call
    first = argument(call, 0)
    if first is None or ctx.qualname(first) not in CORS_MIDDLEWARE:
        return None
    adds = isinstance(call.func, ast.Attribute) and call.func.attr == "add_middleware"
    return call if name in MIDDLEWARE_WRAPPERS or adds else None


@rule(
    "BST349",
    "cors-wildcard-with-credentials",
    summary="CORS allows any origin together with credentials",
    nodes=(ast.Call, ast.Module),
    calls=CORS_MIDDLEWARE | MIDDLEWARE_WRAPPERS | FLASK_CORS,
    attrs=("add_middleware",),
    severity="high",
    confidence="high",
    cwe=942,
    owasp="A05",
)
def cors_wildcard_with_credentials(node: ast.Call | ast.Module, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags CORS configured to accept every origin while allowing credentials: Starlette/FastAPI
    `CORSMiddleware` with `allow_origins=["*"]` (or a match-everything `allow_origin_regex`) and
    `allow_credentials=True`; flask-cors `CORS(app, supports_credentials=True)` or
    `@cross_origin(supports_credentials=True)` with no origin restriction (its default is `*`); and
    django-cors-headers settings `CORS_ALLOW_ALL_ORIGINS = True` (or `CORS_ORIGIN_ALLOW_ALL`) with
    `CORS_ALLOW_CREDENTIALS = True`.

    ## Why is this bad?
    Browsers refuse `Access-Control-Allow-Origin: *` with credentials, so these libraries echo the
    requesting origin back instead. Any website the user visits can then call the API with the user's
    cookies and read the responses: their data, CSRF tokens, API keys.

    ## Example
    ```python
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)
    ```

    ## Use instead
    ```python
    app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
    ```

    ## References
    - https://portswigger.net/web-security/cors
    - https://www.starlette.io/middleware/#corsmiddleware
    - https://cwe.mitre.org/data/definitions/942.html
    """
    if isinstance(node, ast.Module):
        yield from _django_cors(node, ctx)
        return
    name = ctx.call_name(node)
    options = _starlette_options(ctx, node, name)
    if options is not None:
        credentials = keyword(options, "allow_credentials")
        if credentials is None or ctx.constant(credentials) is not True:
            return
        if _origins_are_any(ctx, keyword(options, "allow_origins"), default=False) or _origins_are_any(
            ctx, keyword(options, "allow_origin_regex"), default=False
        ):
            yield ctx.finding(node, "CORSMiddleware allows every origin with credentials, so it echoes any site's origin back")
        return
    if name in FLASK_CORS:
        credentials = keyword(node, "supports_credentials")
        if credentials is None or ctx.constant(credentials) is not True:
            return
        origins = keyword(node, "origins")
        if origins is None and name.endswith("cross_origin"):
            origins = argument(node, 0)
        if origins is None and _flask_resources_restricted(ctx, keyword(node, "resources")):
            return
        if _origins_are_any(ctx, origins, default=True):
            yield ctx.finding(node, f"`{name.rsplit('.', 1)[1]}(supports_credentials=True)` with no origin list allows every origin with credentials")


def _django_cors(tree: ast.Module, ctx: Context) -> Iterator[Finding]:
    assigned: dict[str, ast.Assign] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    assigned[target.id] = statement
    credentials = assigned.get("CORS_ALLOW_CREDENTIALS")
    if credentials is None or ctx.constant(credentials.value) is not True:
        return
    for name in ("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL"):
        statement = assigned.get(name)
        if statement is not None and ctx.constant(statement.value) is True:
            yield ctx.finding(statement, f"`{name} = True` with `CORS_ALLOW_CREDENTIALS = True` lets any site make credentialed requests")
