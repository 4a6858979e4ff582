"""Errors handled unsafely: security failures swallowed silently, and stack traces or exception
details sent back to the client."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules.registry import rule

_BROAD = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})
_SECURITY_EXCEPTION = re.compile(
    r"(?:Signature|Jwt|JWT|Jose|Auth|Permission|Verif|Forbidden|Unauthori[sz]ed|Certificate|Csrf|CSRF|"
    r"InvalidToken|InvalidKey|InvalidTag|TokenExpired|ExpiredToken|BadData|Decrypt)"
)
# Calls that authenticate, authorise, verify, decrypt or persist; by their final name.
_SECURITY_CALLS = frozenset(
    {
        "authenticate", "login", "login_user", "check_password", "verify_password", "check_password_hash", "checkpw",
        "has_perm", "has_perms", "has_permission", "has_object_permission", "check_permissions",
        "check_object_permissions", "check_permission", "require_permission", "is_authorized", "authorize",
        "verify_jwt_in_request", "validate_token", "verify_token", "check_token", "decode_token",
        "verify_signature", "compare_digest", "unsign", "verify", "verify_otp", "verify_totp", "validate_csrf",
        "check_csrf", "enforce_csrf", "decrypt", "encrypt", "sign", "check_hostname", "match_hostname",
        "save", "commit", "bulk_create",
    }
)
_SECURITY_QUALIFIED = (
    "jwt.decode", "jose.jwt.decode", "jwt.api_jwt.decode", "itsdangerous.", "django.core.signing.loads",
    "authlib.jose.jwt.decode", "hmac.compare_digest",
)
_SIGNER_RECEIVER = re.compile(r"(?:serializer|signer|signing|jws|jwt|fernet)", re.IGNORECASE)
_WRITES = frozenset({"save", "commit", "bulk_create"})


def _is_security_exception(name: str) -> bool:
    short = name.rsplit(".", 1)[-1]
    return short not in _NOT_SECURITY_EXCEPTIONS and bool(_SECURITY_EXCEPTION.search(short))


_NOT_SECURITY_EXCEPTIONS = frozenset({"PermissionError", "SSLWantReadError", "SSLWantWriteError", "SSLEOFError", "IntegrityError"})


def _handler_types(handler: ast.ExceptHandler) -> list[ast.expr]:
    if handler.type is None:
        return []
    return list(handler.type.elts) if isinstance(handler.type, ast.Tuple) else [handler.type]


def _does_nothing(body: list[ast.stmt]) -> str | None:
    """"pass" or "continue" if the handler body ignores the error, else None."""
    kinds = set()
    for statement in body:
        if isinstance(statement, ast.Pass) or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            kinds.add("pass")
        elif isinstance(statement, ast.Continue):
            kinds.add("continue")
        else:
            return None
    return "continue" if "continue" in kinds else "pass"


def _guard_calls(body: list[ast.stmt]) -> Iterator[ast.Call]:
    """Calls made as statements of their own in a try body — checks whose only effect is to raise,
    and writes — not inside nested functions. A call whose result is used (assigned, returned,
    yielded) is not a guard: when it fails, its result is simply missing."""
    stack: list[ast.AST] = list(reversed(body))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Expr):
            value = node.value.value if isinstance(node.value, ast.Await) else node.value
            if isinstance(value, ast.Call):
                yield value
            continue
        if isinstance(node, ast.stmt):
            stack.extend(reversed([child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)]))


def _security_operation(ctx: Context, body: list[ast.stmt]) -> str | None:
    """The first security-relevant guard call in a try body."""
    return next((label for call in _guard_calls(body) if (label := _call_label(ctx, call)) is not None), None)


def _call_label(ctx: Context, call: ast.Call) -> str | None:
    func = call.func
    qualified = ctx.qualname(func) or ""
    if qualified.startswith(_SECURITY_QUALIFIED):
        return qualified
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name == "loads" and isinstance(func, ast.Attribute) and _SIGNER_RECEIVER.search(ast.unparse(func.value)):
        return ast.unparse(func)
    if name in _SECURITY_CALLS:
        if name in {"save", "commit"} and isinstance(func, ast.Attribute) and _looks_like_file(func.value):
            return None
        return ast.unparse(func)
    return None


def _looks_like_file(node: ast.expr) -> bool:
    text = ast.unparse(node).lower()
    return any(word in text for word in ("image", "img", "fig", "plot", "wb", "workbook", "file", "pil", "canvas", "doc"))


@rule(
    "BST703",
    "security-exception-swallowed",
    summary="Exception from authentication, verification, crypto or a write silently ignored",
    nodes=(ast.Try,),
    severity="medium",
    confidence="medium",
    cwe=390,
    owasp="A09",
)
def security_exception_swallowed(node: ast.Try, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `except: pass`, `except Exception: pass` and `... continue` when the `try` body makes a
    check as a statement of its own — authenticates, checks permissions, verifies a signature or
    token, decrypts — or saves or commits data (low severity); and `pass` handlers for security
    exceptions (`InvalidSignature`, `PermissionDenied`, `ExpiredSignatureError`, `InvalidToken`, ...)
    around such a statement. A check whose result is used (`claims = jwt.decode(...)`,
    `return signer.unsign(data)`) is not reported: when it fails, its result is simply missing. Other
    `except: pass` blocks are not reported either.

    ## Why is this bad?
    A verification that fails silently is often treated as one that succeeded: the code carries on
    with an unverified token or an unauthorised user. Failed logins, rejected signatures and lost
    writes are also exactly the events monitoring needs; swallowing them hides attacks.

    ## Example
    ```python
    try:
        public_key.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        pass
    process(payload)
    ```

    ## Use instead
    ```python
    try:
        public_key.verify(signature, payload, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        logger.warning("rejected signature from %s", client_ip)
        raise PermissionDenied
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/390.html
    - https://cwe.mitre.org/data/definitions/703.html
    - https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/
    """
    if ctx.is_test_file:
        return
    operation: str | None = None
    searched = False
    for handler in node.handlers:
        ignored = _does_nothing(handler.body)
        if ignored is None:
            continue
        types = _handler_types(handler)
        names = [ctx.qualname(t) or ast.unparse(t) for t in types]
        security_types = [n for n in names if _is_security_exception(n)]
        spelled = "except" + (f" {ast.unparse(handler.type)}" if handler.type is not None else "") + f": {ignored}"
        if security_types:
            guard = next(_guard_calls(node.body), None)
            if ignored == "pass" and guard is not None:
                yield ctx.finding(handler, f"`{spelled}` ignores a failed `{ast.unparse(guard.func)}`; the code carries on as if the check passed")
            continue
        if types and not any(n in _BROAD for n in names):
            continue
        if not searched:
            operation, searched = _security_operation(ctx, node.body), True
        if operation is None:
            continue
        write = operation.rsplit(".", 1)[-1] in _WRITES
        yield ctx.finding(
            handler,
            f"`{spelled}` silently swallows any failure of `{operation}`",
            severity=Severity.LOW if write else None,
            confidence=Confidence.LOW if write else None,
        )


_TRACEBACK_CALLS = frozenset(
    {"traceback.format_exc", "traceback.format_exception", "traceback.format_tb", "traceback.format_stack", "traceback.extract_tb", "sys.exc_info"}
)
RESPONSE_CALLS = frozenset(
    {
        "flask.jsonify", "flask.make_response", "flask.Response", "flask.abort", "werkzeug.wrappers.Response",
        "quart.jsonify", "quart.make_response",
        "django.http.HttpResponse", "django.http.JsonResponse", "django.http.HttpResponseServerError",
        "django.http.HttpResponseBadRequest", "rest_framework.response.Response",
        "fastapi.HTTPException", "fastapi.responses.JSONResponse", "fastapi.responses.PlainTextResponse",
        "fastapi.responses.HTMLResponse", "fastapi.responses.Response", "starlette.responses.JSONResponse",
        "starlette.responses.PlainTextResponse", "starlette.responses.HTMLResponse", "starlette.responses.Response",
        "starlette.exceptions.HTTPException", "aiohttp.web.json_response", "aiohttp.web.Response",
    }
)
_ROUTE_DECORATORS = frozenset({"route", "get", "post", "put", "patch", "delete", "api_route", "api_view", "view_config", "websocket"})


def _handler_for(ctx: Context, name: str) -> ast.ExceptHandler | None:
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.ExceptHandler) and node.name == name:
            return node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return None
    return None


def _is_broad(ctx: Context, handler: ast.ExceptHandler) -> bool:
    types = _handler_types(handler)
    return not types or any((ctx.qualname(t) or "") in _BROAD for t in types)


_DETAIL_ATTRIBUTES = frozenset({"args", "message", "msg", "detail", "description", "strerror", "orig", "__traceback__"})


def _exposed_detail(ctx: Context, node: ast.AST) -> tuple[ast.AST, str, bool] | None:
    """(where, what, is_traceback) for the first traceback text or exception detail in `node`."""
    if isinstance(node, ast.IfExp) and "debug" in ast.unparse(node.test).lower():
        return None  # shown only in debug mode
    if isinstance(node, ast.Call):
        if (ctx.qualname(node.func) or "") in _TRACEBACK_CALLS:
            return node, f"`{ast.unparse(node.func)}()`", True
        if isinstance(node.func, ast.Name) and node.func.id in {"type", "isinstance", "len", "bool", "id"}:
            return None
    if isinstance(node, ast.Attribute):
        if node.attr in _DETAIL_ATTRIBUTES and isinstance(node.value, ast.Name):
            return _exposed_name(ctx, node.value)
        return None  # `e.code`, `e.status_code`, `type(e).__name__`: not the details
    if isinstance(node, ast.Name):
        return _exposed_name(ctx, node)
    for child in ast.iter_child_nodes(node):
        found = _exposed_detail(ctx, child)
        if found is not None:
            return found
    return None


def _exposed_name(ctx: Context, name: ast.Name) -> tuple[ast.AST, str, bool] | None:
    if isinstance(name.ctx, ast.Store):
        return None
    handler = _handler_for(ctx, name.id)
    if handler is not None:
        return (name, f"the exception `{name.id}`", False) if _is_broad(ctx, handler) else None
    if _is_error_handler_parameter(ctx, name.id):
        return name, f"the exception `{name.id}`", False
    if _traceback_local(ctx, name.id) is not None:
        return name, f"`{name.id}` (a traceback)", True
    return None


_ERROR_HANDLER_DECORATORS = frozenset({"exception_handler", "errorhandler", "app_errorhandler"})


def _is_error_handler_parameter(ctx: Context, name: str) -> bool:
    """`exc` in `@app.exception_handler(Exception)` / `@app.errorhandler(500)` handlers: every
    unexpected error of the application passes through it."""
    function = ctx.function
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    if name not in {a.arg for a in function.args.args} or name in {"request", "req", "self"}:
        return False
    for decorator in function.decorator_list:
        if not isinstance(decorator, ast.Call) or not isinstance(decorator.func, ast.Attribute):
            continue
        if decorator.func.attr in _ERROR_HANDLER_DECORATORS and decorator.args:
            caught = decorator.args[0]
            if ctx.constant(caught) == 500 or (ctx.qualname(caught) or "") in _BROAD:
                return True
    return False


# Every traceback call is spelled with one of these names somewhere in its file.
_TRACEBACK_WORDS = tuple(sorted({call.rsplit(".", 1)[1] for call in _TRACEBACK_CALLS}))


def _traceback_local(ctx: Context, name: str) -> ast.AST | None:
    function = ctx.function
    if function is None or isinstance(function, ast.Lambda) or not _mentions_traceback(ctx):
        return None
    for node in ast.walk(function):
        assigns = isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        if assigns and isinstance(node.value, ast.Call) and (ctx.qualname(node.value.func) or "") in _TRACEBACK_CALLS:  # type: ignore[attr-defined]
            return node.value  # type: ignore[attr-defined]
    return None


_MENTIONS: list = [None, False]  # [source, answer] of the last file asked about


def _mentions_traceback(ctx: Context) -> bool:
    """Could any call in this file be a traceback call? (Asked for names in every view's return.)"""
    if _MENTIONS[0] is not ctx.source:
        text = ctx.source.text
        _MENTIONS[:] = [ctx.source, any(word in text for word in _TRACEBACK_WORDS)]
    return _MENTIONS[1]


def _is_view(ctx: Context) -> bool:
    function = ctx.function
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else ""
        if name in _ROUTE_DECORATORS:
            return True
    arguments = [a.arg for a in function.args.args]
    if ctx.class_ is None:
        return bool(arguments) and arguments[0] in {"request", "req"}
    return arguments[:2] == ["self", "request"] and function.name in _VIEW_METHODS


_VIEW_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "dispatch", "list", "create", "retrieve", "update", "partial_update", "destroy"}
)


def _in_debug_branch(ctx: Context) -> bool:
    for node in reversed(ctx.ancestors):
        if isinstance(node, ast.If) and "debug" in ast.unparse(node.test).lower():
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
    return False


@rule(
    "BST706",
    "stack-trace-exposure",
    summary="Stack trace or exception details returned to the client",
    nodes=(ast.Call, ast.Return),
    calls=RESPONSE_CALLS,
    severity="medium",
    confidence="high",
    cwe=209,
    owasp="A04",
)
def stack_trace_exposure(node: ast.Call | ast.Return, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `traceback.format_exc()` (and the other `traceback.format_*` functions), and exception
    objects caught by broad handlers (`except Exception as e` → `str(e)`, `f"{e}"`, `e.args`) or
    received by application-wide error handlers (`@app.errorhandler(500)`,
    `@app.exception_handler(Exception)`), that are
    passed to a response (`jsonify`, `make_response`, `JsonResponse`, `HttpResponse`, DRF and Starlette
    responses, `abort`, `HTTPException(detail=...)`) or returned from a view function. Tracebacks
    are medium severity; exception messages low.

    ## Why is this bad?
    Stack traces reveal file paths, library versions, code, SQL and sometimes configuration values;
    exception messages from deep inside the stack leak the same in smaller pieces. Attackers use
    them to map the application and tune their attacks.

    ## Example
    ```python
    @app.post("/orders")
    def create_order():
        try:
            return place_order(request.json)
        except Exception:
            return jsonify(error=traceback.format_exc()), 500
    ```

    ## Use instead
    ```python
    @app.post("/orders")
    def create_order():
        try:
            return place_order(request.json)
        except Exception:
            logger.exception("order failed")
            return jsonify(error="internal error"), 500
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/209.html
    - https://owasp.org/www-community/Improper_Error_Handling
    """
    if ctx.is_test_file:
        return
    if isinstance(node, ast.Call):
        if (ctx.call_name(node) or "") not in RESPONSE_CALLS:
            return
        payload: list[ast.AST] = [*node.args, *(k.value for k in node.keywords)]
        sink = f"`{ast.unparse(node.func)}(...)`"
    else:
        if node.value is None or not _is_view(ctx):
            return
        values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
        payload = [v for v in values if not (isinstance(v, ast.Call) and (ctx.qualname(v.func) or "") in RESPONSE_CALLS)]
        sink = "the view's response"
    exposed = [found for part in payload if (found := _exposed_detail(ctx, part)) is not None]
    if not exposed or _in_debug_branch(ctx):
        return
    where, what, is_traceback = max(exposed, key=lambda found: found[2])  # a traceback outranks a message
    if is_traceback:
        yield ctx.finding(where, f"{what} is sent to the client in {sink}, exposing the stack trace")
    else:
        yield ctx.finding(where, f"{what} is sent to the client in {sink}, exposing internal error details", severity=Severity.LOW, confidence=Confidence.MEDIUM)
