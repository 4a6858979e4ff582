"""Flask configuration set in code: literal secret keys, CSRF protection off, insecure session cookies.

Configuration reaches Flask through `app.config["KEY"] = ...`, `app.config.update(...)`,
`app.config.from_mapping(...)`, `app.secret_key = ...`, and config classes loaded with
`app.config.from_object(...)`; all are read here as (key, value) items.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules._values import hide_secret, is_placeholder, literal_fallback, redacted, string_content
from bastion.rules.registry import rule

_CONFIG_CLASS = re.compile(r"(?:Config|Settings|Configuration)$")
_DEV_CLASS = re.compile(r"(?:^|[a-z_])(?:Test|Testing|Dev|Development|Local|Debug)", re.IGNORECASE)
_SECRET_KEYS = frozenset({"SECRET_KEY", "JWT_SECRET_KEY", "SECURITY_PASSWORD_SALT"})
_FLASK_ROOTS = frozenset({"flask", "quart", "flask_wtf", "flask_login", "flask_sqlalchemy"})


@dataclass(frozen=True, slots=True)
class ConfigItem:
    key: str
    value: ast.expr
    node: ast.AST  # where to report
    development: bool  # set in a test/development config class


def _imports_flask(ctx: Context) -> bool:
    return any(target and target.split(".")[0] in _FLASK_ROOTS for target in ctx.names.scopes[0].bindings.values())


def _is_config(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "config"


def config_items(node: ast.Assign | ast.Call, ctx: Context) -> Iterator[ConfigItem]:
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in {"update", "from_mapping"} and _is_config(func.value):
            for keyword in node.keywords:
                if keyword.arg:
                    yield ConfigItem(keyword.arg, keyword.value, keyword, False)
            for argument in node.args:
                if isinstance(argument, ast.Dict):
                    for key, value in zip(argument.keys, argument.values, strict=True):
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            yield ConfigItem(key.value, value, key, False)
        return
    for target in node.targets:
        if isinstance(target, ast.Subscript) and _is_config(target.value):
            key = ctx.constant(target.slice)
            if isinstance(key, str):
                yield ConfigItem(key, node.value, node, False)
        elif isinstance(target, ast.Attribute) and target.attr == "secret_key" and _imports_flask(ctx):
            yield ConfigItem("SECRET_KEY", node.value, node, False)
        elif isinstance(target, ast.Name) and ctx.function is None and ctx.class_ is not None and ctx.parent is ctx.class_:
            name = ctx.class_.name
            if _CONFIG_CLASS.search(name) and target.id.isupper() and _imports_flask_or_plain(ctx):
                yield ConfigItem(target.id, node.value, node, bool(_DEV_CLASS.search(name)))


def _imports_flask_or_plain(ctx: Context) -> bool:
    """Config classes live in `config.py` files that often import nothing; Django is judged elsewhere."""
    roots = {target.split(".")[0] for target in ctx.names.scopes[0].bindings.values() if target}
    return "django" not in roots


@rule(
    "BST347",
    "flask-hardcoded-secret-key",
    summary="Flask `SECRET_KEY` written in code",
    nodes=(ast.Assign, ast.Call),
    attrs=("update", "from_mapping"),
    requires=tuple(_SECRET_KEYS),
    severity="high",
    confidence="high",
    cwe=798,
    owasp="A07",
)
def flask_hardcoded_secret_key(node: ast.Assign | ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags literal `SECRET_KEY` (and `JWT_SECRET_KEY`, `SECURITY_PASSWORD_SALT`) values in Flask
    configuration: `app.secret_key = "..."`, `app.config["SECRET_KEY"] = "..."`,
    `app.config.update(SECRET_KEY="...")`, `from_mapping(...)`, and attributes of config classes
    (`class ProductionConfig: SECRET_KEY = "..."`), including literal fallbacks such as
    `os.environ.get("SECRET_KEY", "dev")`. Placeholders are ignored; keys in test or development
    config classes are low severity. The key is never shown in full.

    ## Why is this bad?
    Flask signs the session cookie with `SECRET_KEY`, and the session holds the logged-in user's id.
    Anyone with the key can forge a session for any user; extensions derive CSRF tokens, password-reset
    and remember-me tokens from it too.

    ## Example
    ```python
    app.config["SECRET_KEY"] = "s3cr3t-k3y-for-sessions"
    ```

    ## Use instead
    ```python
    app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
    ```

    ## References
    - https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY
    - https://cwe.mitre.org/data/definitions/798.html
    """
    if ctx.is_test_file:
        return
    for item in config_items(node, ctx):
        if item.key not in _SECRET_KEYS:
            continue
        fallback = literal_fallback(item.value)
        literal = fallback or item.value
        if not isinstance(literal, ast.Constant) or not isinstance(literal.value, (str, bytes)):
            continue
        value = literal.value.decode("latin-1") if isinstance(literal.value, bytes) else literal.value
        if is_placeholder(value):
            continue
        severity = Severity.LOW if item.development else Severity.MEDIUM if fallback is not None else None
        how = "falls back to a literal" if fallback is not None else "is a literal"
        finding = ctx.finding(
            string_content(ctx, literal),
            f"`{item.key}` {how} ({redacted(value)}): anyone with the code can forge sessions",
            severity=severity,
            confidence=Confidence.MEDIUM if fallback is not None else None,
        )
        yield hide_secret(finding, ctx, value)


_INSECURE = {
    "WTF_CSRF_ENABLED": (False, "turns off CSRF protection for every form", Severity.HIGH, 352),
    "WTF_CSRF_CHECK_DEFAULT": (False, "turns off automatic CSRF checks on every view", Severity.MEDIUM, 352),
    "SESSION_COOKIE_SECURE": (False, "sends the session cookie over plain HTTP", Severity.MEDIUM, 614),
    "SESSION_COOKIE_HTTPONLY": (False, "lets scripts read the session cookie", Severity.MEDIUM, 1004),
    "REMEMBER_COOKIE_SECURE": (False, "sends the remember-me cookie over plain HTTP", Severity.MEDIUM, 614),
    "REMEMBER_COOKIE_HTTPONLY": (False, "lets scripts read the remember-me cookie", Severity.MEDIUM, 1004),
}


@rule(
    "BST348",
    "flask-insecure-config",
    summary="Flask configuration that disables CSRF protection or cookie protections",
    nodes=(ast.Assign, ast.Call),
    attrs=("update", "from_mapping"),
    requires=tuple(_INSECURE),
    severity="medium",
    confidence="high",
    cwe=352,
    owasp="A05",
)
def flask_insecure_config(node: ast.Assign | ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `WTF_CSRF_ENABLED = False`, `WTF_CSRF_CHECK_DEFAULT = False`, `SESSION_COOKIE_SECURE = False`,
    `SESSION_COOKIE_HTTPONLY = False` and the remember-me cookie equivalents set through
    `app.config[...]`, `app.config.update(...)`, `from_mapping(...)` or a config class. Test and
    development config classes (`TestingConfig`, `DevConfig`) and test files are not reported, since
    switching CSRF off for tests is normal.

    ## Why is this bad?
    Without CSRF protection, any page a logged-in user visits can submit forms as that user. A
    session cookie without `Secure` travels over plain HTTP; without `HttpOnly`, XSS can steal it.

    ## Example
    ```python
    app.config.update(WTF_CSRF_ENABLED=False, SESSION_COOKIE_SECURE=False)
    ```

    ## Use instead
    ```python
    app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    ```

    ## References
    - https://flask-wtf.readthedocs.io/en/stable/config/
    - https://flask.palletsprojects.com/en/stable/security/#set-cookie-options
    - https://cwe.mitre.org/data/definitions/352.html
    """
    if ctx.is_test_file:
        return
    for item in config_items(node, ctx):
        rule_of = _INSECURE.get(item.key)
        if rule_of is None or item.development:
            continue
        bad, consequence, severity, _ = rule_of
        if ctx.constant(item.value) is bad:
            yield ctx.finding(item.node, f"`{item.key} = {bad}` {consequence}", severity=severity)
