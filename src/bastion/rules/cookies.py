"""Cookies set without the `Secure`, `HttpOnly` and `SameSite` attributes."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, has_kwargs_splat
from bastion.engine.context import Context
from bastion.fix import edits
from bastion.model import Confidence, Finding, Severity
from bastion.rules._naming import is_security_name
from bastion.rules.registry import rule

# Flask/Werkzeug, Django and Starlette share this order:
# set_cookie(key, value, max_age, expires, path, domain, secure, httponly, samesite)
_POSITIONS = {"secure": 6, "httponly": 7, "samesite": 8}
_SAFE_VALUES = {"secure": "True", "httponly": "True", "samesite": '"Lax"'}
_NOT_RESPONSES = ("client", "jar", "cookies", "browser", "driver", "selenium", "page")
_STARLETTE_ROOTS = ("starlette", "fastapi")


def _samesite_defaults_to_lax(ctx: Context) -> bool:
    """Starlette (and so FastAPI) responses default to `samesite="lax"`; Flask and Django do not."""
    roots = {target.split(".")[0] for target in ctx.names.scopes[0].bindings.values() if target}
    return bool(roots & set(_STARLETTE_ROOTS)) and not roots & {"flask", "django", "werkzeug", "quart"}


def _receiver_is_response(call: ast.Call) -> bool:
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    spelled = ast.unparse(receiver).lower() if receiver is not None else ""
    return not any(word in spelled for word in _NOT_RESPONSES)


def _missing_flags(ctx: Context, call: ast.Call) -> tuple[list[str], list[str]]:
    """(flags absent, flags explicitly switched off)."""
    missing: list[str] = []
    disabled: list[str] = []
    for flag, position in _POSITIONS.items():
        value = argument(call, position, flag)
        if value is None:
            if flag == "samesite" and _samesite_defaults_to_lax(ctx):
                continue
            missing.append(flag)
        elif flag == "secure" and ctx.constant(value) is False:
            disabled.append(flag)
        elif flag == "samesite" and ctx.constant(value) is None and isinstance(value, ast.Constant):
            missing.append(flag)
    return missing, disabled


@rule(
    "BST418",
    "insecure-cookie",
    summary="Cookie set without `secure`, `httponly` or `samesite`",
    attrs=("set_cookie", "set_signed_cookie"),
    severity="medium",
    confidence="medium",
    cwe=614,
    owasp="A05",
    fixable=True,
)
def insecure_cookie(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `response.set_cookie(...)` and Django's `set_signed_cookie(...)` (Flask, Werkzeug, Django,
    Starlette/FastAPI responses) that leave out `secure=True`, `httponly=True` or `samesite`, or pass
    `secure=False`. Starlette's default `samesite="lax"` is taken into account. Severity is medium
    for cookies whose name says they hold a session, token or credential (or whose name is not a
    literal), low for other cookies and when only `samesite` is missing. Test clients and cookie
    jars are not reported, nor is test code.

    ## Why is this bad?
    Without `Secure` the cookie is also sent over plain HTTP, where it can be read on the network.
    Without `HttpOnly` any script injected into the page (XSS) can read it. Without `SameSite` it is
    sent with cross-site requests, which enables CSRF.

    ## Example
    ```python
    response.set_cookie("session_id", session_id)
    ```

    ## Use instead
    ```python
    response.set_cookie("session_id", session_id, secure=True, httponly=True, samesite="Lax")
    ```

    ## References
    - https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#restrict_access_to_cookies
    - https://owasp.org/www-community/controls/SecureCookieAttribute
    - https://cwe.mitre.org/data/definitions/614.html
    - https://cwe.mitre.org/data/definitions/1004.html

    ## Known limitations
    A deliberate `httponly=False` (a cookie JavaScript must read, such as a CSRF token) is not
    reported. The fix adds only the missing flags; an explicit `secure=False` is left for a person
    to change.
    """
    if ctx.is_test_file or has_kwargs_splat(call) or not _receiver_is_response(call):
        return
    key = argument(call, 0, "key")
    if key is None or (len(call.args) < 2 and not any(k.arg == "value" for k in call.keywords)):
        return  # a cookie object handed to a jar, not a response cookie
    missing, disabled = _missing_flags(ctx, call)
    if not missing and not disabled:
        return
    name = ctx.constant(key)
    sensitive = not isinstance(name, str) or is_security_name(name) or any(w in name.lower() for w in ("sess", "auth", "token", "remember", "login", "jwt"))
    severity = None if sensitive and (disabled or set(missing) - {"samesite"}) else Severity.LOW
    confidence = Confidence.HIGH if isinstance(name, str) and sensitive else None
    problems = [f"{flag}=False" for flag in disabled] + missing
    label = f"`{name}`" if isinstance(name, str) else f"`{ctx.source.segment(key)}`"
    adds = [f for f in missing if argument(call, _POSITIONS[f]) is None]
    fix = None
    if adds:
        text = ", ".join(f"{flag}={_SAFE_VALUES[flag]}" for flag in adds)
        fix = edits.fix(f"add {text}", edits.add_keyword(ctx.source, call, text))
    what = "without " + ", ".join(missing) if missing else ""
    if disabled:
        what = f"with {', '.join(problems[: len(disabled)])}" + (f" and {what}" if what else "")
    yield ctx.finding(call, f"cookie {label} is set {what}", severity=severity, confidence=confidence, fix=fix)
