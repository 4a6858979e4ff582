"""What goes into logs: secrets written to logs or printed, and web applications with no logging."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules._secrets_in_values import secret_in
from bastion.rules.registry import rule

LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg"})
_LOGGER_RECEIVER = re.compile(r"(?:^|\.)_*(?:logger|log|logging|LOGGER|LOG|[a-z_]*_logger|[a-z_]*_log)$")
_LOGGING_ROOTS = ("logging", "structlog", "loguru", "logbook")
_PRINT_OPTIONS = frozenset({"file", "sep", "end", "flush"})
_PASSWORD_WORDS = ("password", "passwd", "pwd", "passphrase", "authorization", "secret")


def _is_log_call(ctx: Context, call: ast.Call) -> str | None:
    """"log" for a logging call, "print" for the builtin print, else None."""
    func = call.func
    if isinstance(func, ast.Name):
        return "print" if func.id == "print" and ctx.call_name(call) == "print" else None
    if not isinstance(func, ast.Attribute) or func.attr not in LOG_METHODS:
        return None
    qualified = ctx.qualname(func.value) or ""
    if qualified.split(".")[0] in _LOGGING_ROOTS:
        return "log"
    try:
        spelled = ast.unparse(func.value)
    except (ValueError, RecursionError):
        return None
    return "log" if _LOGGER_RECEIVER.search(spelled) else None


@rule(
    "BST702",
    "secret-logged",
    summary="Password, token, API key or Authorization header written to a log or printed",
    attrs=(*LOG_METHODS, "print"),
    severity="medium",
    confidence="medium",
    cwe=532,
    owasp="A09",
)
def secret_logged(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags logging calls (`logging`, loggers, `structlog`, `loguru`) and `print` whose arguments carry a
    secret: a variable or attribute named like one (`password`, `api_key`, `access_token`,
    `client_secret`), a lookup by such a key (`request.form["password"]`,
    `headers.get("Authorization")`, `os.environ["API_KEY"]`), the whole `request.headers` or
    `request.cookies`, all of `os.environ`, or a local variable assigned from one of these in the
    same function. Values
    that only describe the secret are not reported: `len(password)`, `token[:4]`, `mask(token)`,
    `password is None`, `token.expires_at`, `password_hash`. `print` is reported at low severity and
    confidence (command-line tools sometimes show a generated token on purpose); test files are
    skipped.

    ## Why is this bad?
    Logs are copied to log aggregators, support tickets, backups and dashboards, kept for a long time
    and read by many more people than the secret was meant for. A password or token in a log is a
    leaked credential.

    ## Example
    ```python
    logger.info("login attempt user=%s password=%s", username, password)
    logger.debug("calling API with headers %s", request.headers)
    ```

    ## Use instead
    ```python
    logger.info("login attempt user=%s", username)
    logger.debug("calling API for %s", request.path)
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/532.html
    - https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude

    ## Known limitations
    Flow is followed only through one assignment inside the same function; secrets passed in under
    neutral names (`value`, `data`) are not seen.
    """
    if ctx.is_test_file:
        return
    kind = _is_log_call(ctx, call)
    if kind is None:
        return
    parts = [*call.args, *(k.value for k in call.keywords if not (kind == "print" and k.arg in _PRINT_OPTIONS) and k.arg != "exc_info")]
    if kind == "log" and isinstance(call.func, ast.Attribute) and call.func.attr == "log" and parts:
        parts = parts[1:]  # the level
    for part in parts:
        found = secret_in(ctx, part)
        if found is None:
            continue
        node, described = found
        strong = any(word in described.lower() for word in _PASSWORD_WORDS)
        if kind == "print":
            yield ctx.finding(node, f"{described} is printed; output like this ends up in logs", severity=Severity.LOW, confidence=Confidence.LOW)
        else:
            yield ctx.finding(node, f"{described} is written to the log", confidence=Confidence.HIGH if strong else None)
        return


APP_CONSTRUCTORS = {
    "flask.Flask": "Flask",
    "quart.Quart": "Quart",
    "fastapi.FastAPI": "FastAPI",
    "starlette.applications.Starlette": "Starlette",
    "sanic.Sanic": "Sanic",
    "aiohttp.web.Application": "aiohttp",
}
_CONFIGURES_LOGGING = re.compile(
    r"(?:basicConfig|dictConfig|fileConfig|addHandler|setLevel|structlog\.configure|logger\.add|"
    r"(?:setup|configure|config|init|initialize|install|enable)_?(?:logging|logger|logs|log)\b|"
    r"(?:logging|logger|log)_?(?:setup|config|configure|init)\b)",
    re.IGNORECASE,
)
_LOGGING_IMPORT = re.compile(r"(?:^|\.)(?:logging_config|log_config|logconfig|logging_setup|log_setup|logs|logger|loguru|structlog|log)$")


def _file_configures_logging(ctx: Context) -> bool:
    for node in ast.walk(ctx.source.tree):
        if isinstance(node, ast.Call):
            try:
                spelled = ast.unparse(node.func)
            except (ValueError, RecursionError):
                continue
            if _CONFIGURES_LOGGING.search(spelled):
                return True
        elif isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id in {"LOGGING", "LOGGING_CONFIG", "LOG_CONFIG"} for t in node.targets):
                return True
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or "", *(a.name for a in node.names)]
            if any(_LOGGING_IMPORT.search(m) or "logging_config" in m for m in modules if m != "logging"):
                return True
    return False


@rule(
    "BST707",
    "no-logging-configured",
    summary="Web application created in a file that never configures logging",
    calls=APP_CONSTRUCTORS.keys(),
    severity="info",
    confidence="low",
    cwe=778,
    owasp="A09",
)
def no_logging_configured(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags the creation of a Flask, Quart, FastAPI, Starlette, Sanic or aiohttp application in a file
    that configures no logging: no `logging.basicConfig`/`dictConfig`/`fileConfig`, no handler or
    level set, no `LOGGING = {...}`, no `structlog.configure`, no call to a `setup_logging()`-style
    function and no import of a logging-setup module. Informational, low confidence: logging may be
    configured by the server (gunicorn `--log-config`, uvicorn) or another module.

    ## Why is this bad?
    Without configured logging, failed logins, permission denials and errors are lost or go only to a
    console nobody keeps, so attacks go unnoticed and incidents cannot be investigated.

    ## Example
    ```python
    app = Flask(__name__)
    ```

    ## Use instead
    ```python
    logging.config.dictConfig(LOGGING)
    app = Flask(__name__)
    ```

    ## References
    - https://owasp.org/Top10/A09_2021-Security_Logging_and_Monitoring_Failures/
    - https://flask.palletsprojects.com/en/stable/logging/
    - https://cwe.mitre.org/data/definitions/778.html

    ## Known limitations
    The rule looks at one file only; configure logging next to where the application is created, or
    disable this informational rule.
    """
    if ctx.is_test_file:
        return
    framework = APP_CONSTRUCTORS.get(ctx.call_name(call) or "")
    if framework is None or _file_configures_logging(ctx):
        return
    yield ctx.finding(call, f"this {framework} application is created without any logging configuration in the file")
