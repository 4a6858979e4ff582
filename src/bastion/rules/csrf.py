"""Views exempted from CSRF protection."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Finding, Severity
from bastion.rules.registry import rule

CSRF_EXEMPT = frozenset(
    {
        "django.views.decorators.csrf.csrf_exempt",
        "flask_wtf.csrf.CSRFProtect().exempt",
        "flask_wtf.CSRFProtect().exempt",
        "flask_wtf.csrf.CsrfProtect().exempt",
    }
)
_VERIFIES_ITSELF = ("signature", "compare_digest", "hmac", "verify", "construct_event", "validate_request")


def _decorated_function(ctx: Context, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | None:
    parent = ctx.parent
    if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node in parent.decorator_list:
        return parent
    return None


@rule(
    "BST346",
    "csrf-exempt",
    summary="View exempted from CSRF protection (`csrf_exempt`, `csrf.exempt`)",
    nodes=(ast.Name, ast.Attribute),
    attrs=("csrf_exempt", "exempt"),
    severity="medium",
    confidence="medium",
    cwe=352,
    owasp="A01",
)
def csrf_exempt(node: ast.Name | ast.Attribute, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags Django's `csrf_exempt` (as a decorator, in `method_decorator(csrf_exempt, ...)` or wrapping a
    view in `urls.py`) and Flask-WTF's `csrf.exempt`. Views that check a request signature themselves
    (webhooks using `hmac.compare_digest`, `verify`, `construct_event`) are reported at low severity.

    ## Why is this bad?
    A view that changes state and is reached with the user's cookies can then be triggered by any
    page the user visits: a hidden form posts to it and the browser attaches the session cookie.

    ## Example
    ```python
    @csrf_exempt
    def update_email(request):
        request.user.email = request.POST["email"]
        request.user.save()
    ```

    ## Use instead
    Keep CSRF protection; for machine-to-machine endpoints, authenticate the request itself (a
    signature or token header), not with cookies.

    ## References
    - https://docs.djangoproject.com/en/stable/ref/csrf/#django.views.decorators.csrf.csrf_exempt
    - https://flask-wtf.readthedocs.io/en/stable/csrf/#exclude-views-from-protection
    - https://cwe.mitre.org/data/definitions/352.html
    """
    spelled = node.attr if isinstance(node, ast.Attribute) else node.id
    if spelled not in {"csrf_exempt", "exempt"} or isinstance(ctx.parent, ast.Attribute) or ctx.is_test_file:
        return
    if ctx.qualname(node) not in CSRF_EXEMPT or isinstance(ctx.parent, ast.Compare):
        return
    view = _decorated_function(ctx, node)
    if view is None and isinstance(ctx.parent, ast.Call) and ctx.parent.func is node:
        target = ctx.parent.args[0] if ctx.parent.args else None
        label = ctx.source.segment(target) if target is not None else "a view"
    else:
        label = view.name if view is not None else "a view"
    severity = None
    if view is not None and any(word in ctx.source.segment(view).lower() for word in _VERIFIES_ITSELF):
        severity = Severity.LOW
    yield ctx.finding(node, f"`{label}` is exempt from CSRF protection; cross-site requests with the user's cookies reach it", severity=severity)
