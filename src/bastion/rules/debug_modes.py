"""Debuggers and remote configuration left switched on: the Werkzeug debugger, framework debug
flags that return tracebacks, and `logging.config.listen`. (Flask's `app.run(debug=True)` is
`flask-debug`; Django's `DEBUG` is `django-debug-enabled`.)"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, keyword
from bastion.engine.context import Context
from bastion.model import Confidence, Finding, Severity
from bastion.rules.flask_config import config_items
from bastion.rules.flask_debug import FLASK_APP_TYPES
from bastion.rules.registry import rule

RUN_SIMPLE = frozenset({"werkzeug.serving.run_simple", "werkzeug.run_simple"})
DEBUGGED_APPLICATION = frozenset({"werkzeug.debug.DebuggedApplication", "werkzeug.DebuggedApplication"})
DEBUG_APPS = frozenset({"fastapi.FastAPI", "starlette.applications.Starlette"})


@rule(
    "BST704",
    "debugger-enabled",
    summary="Werkzeug debugger or framework debug mode switched on in code",
    nodes=(ast.Call, ast.Assign),
    calls=RUN_SIMPLE | DEBUGGED_APPLICATION | DEBUG_APPS,
    requires=("debug",),
    attrs=("update", "from_mapping"),
    severity="high",
    confidence="high",
    cwe=489,
    owasp="A05",
)
def debugger_enabled(node: ast.Call | ast.Assign, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `werkzeug.serving.run_simple(..., use_debugger=True)`, wrapping an application in
    `werkzeug.debug.DebuggedApplication` (high severity with `evalex=True`, which enables the console),
    `FastAPI(debug=True)` and `Starlette(debug=True)` (which return tracebacks to the client), and
    `app.debug = True` on a Flask application, and `DEBUG = True` set in Flask configuration
    (`app.config[...]`, `app.config.update(...)`, non-development config classes). Test files are
    skipped.

    ## Why is this bad?
    The Werkzeug debugger's console runs any Python code typed into the error page: whoever reaches
    it (or guesses the PIN) controls the server. Debug modes also send stack traces, code and local
    variables to any visitor who triggers an error.

    ## Example
    ```python
    run_simple("0.0.0.0", 8000, app, use_debugger=True, use_reloader=True)
    ```

    ## Use instead
    ```python
    run_simple("127.0.0.1", 8000, app, use_debugger=os.environ.get("APP_DEBUG") == "1")
    ```

    ## References
    - https://werkzeug.palletsprojects.com/en/stable/debug/
    - https://fastapi.tiangolo.com/reference/fastapi/#fastapi.FastAPI--debug
    - https://cwe.mitre.org/data/definitions/489.html
    """
    if ctx.is_test_file:
        return
    for item in config_items(node, ctx):
        if item.key == "DEBUG" and not item.development and ctx.constant(item.value) is True:
            yield ctx.finding(item.node, "Flask `DEBUG = True` in configuration turns on debug mode and the Werkzeug debugger", severity=Severity.MEDIUM, confidence=Confidence.MEDIUM)
    if isinstance(node, ast.Assign):
        for target in node.targets:
            is_debug = isinstance(target, ast.Attribute) and target.attr == "debug" and ctx.constant(node.value) is True
            if is_debug and (ctx.qualname(target.value) or "") in FLASK_APP_TYPES:  # type: ignore[union-attr]
                yield ctx.finding(node, f"`{ast.unparse(target)} = True` turns on Flask's debug mode and the Werkzeug debugger")
        return
    name = ctx.call_name(node) or ""
    if name in RUN_SIMPLE:
        flag = argument(node, 5, "use_debugger")
        if flag is not None and ctx.constant(flag) is True:
            yield ctx.finding(node, "`run_simple(..., use_debugger=True)` serves the interactive Werkzeug debugger")
    elif name in DEBUGGED_APPLICATION:
        evalex = argument(node, 1, "evalex")
        enabled = ctx.constant(evalex) if evalex is not None else False
        if enabled is True:
            yield ctx.finding(node, "`DebuggedApplication(..., evalex=True)` lets anyone who sees an error page run Python code")
        elif enabled is False:  # a variable means the caller decides; that call is judged instead
            yield ctx.finding(node, "`DebuggedApplication` shows tracebacks with source code to every visitor", severity=Severity.MEDIUM)
    elif name in DEBUG_APPS:
        flag = keyword(node, "debug")
        if flag is not None and ctx.constant(flag) is True:
            framework = name.rsplit(".", 1)[-1]
            yield ctx.finding(node, f"`{framework}(debug=True)` returns stack traces to clients", severity=Severity.MEDIUM)


@rule(
    "BST705",
    "logging-config-listen",
    summary="`logging.config.listen()` accepts configuration, and so code, from the network",
    calls=("logging.config.listen",),
    severity="medium",
    confidence="high",
    cwe=94,
    owasp="A08",
)
def logging_config_listen(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `logging.config.listen()`; without a `verify` function it is high severity.

    ## Why is this bad?
    The listener accepts logging configurations over a socket and applies them. A configuration can
    name arbitrary callables and classes to construct, so anyone who can connect to the port can run
    code in the process, unless every message is checked with `verify`.

    ## Example
    ```python
    thread = logging.config.listen(9999)
    ```

    ## Use instead
    Configure logging from files deployed with the application; if a listener is truly needed, bind
    it to localhost and pass `verify=` a function that checks a signature.

    ## References
    - https://docs.python.org/3/library/logging.config.html#logging.config.listen
    - https://cwe.mitre.org/data/definitions/94.html
    """
    verify = argument(call, 1, "verify")
    if verify is None or ctx.constant(verify) is None:
        yield ctx.finding(call, "`logging.config.listen()` without `verify` applies any configuration sent to its port, which can run code", severity=Severity.HIGH)
    else:
        yield ctx.finding(call, "`logging.config.listen()` applies logging configuration received over the network")
