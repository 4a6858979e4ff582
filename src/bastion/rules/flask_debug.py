"""Flask's interactive debugger switched on."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from bastion.engine.astutil import keyword
from bastion.engine.context import Context
from bastion.model import Confidence, Finding
from bastion.rules.registry import rule

FLASK_APP_TYPES = ("flask.Flask()", "flask.app.Flask()", "quart.Quart()")
SOCKETIO_RUN = ("flask_socketio.SocketIO().run",)
APP_FACTORY = re.compile(r"(?:^|\.)(?:create|make|build|get)_(?:flask_)?app\(\)$")


def _is_flask_app(ctx: Context, node: ast.expr) -> Confidence | None:
    qualified = ctx.qualname(node) or ""
    if qualified in FLASK_APP_TYPES:
        return Confidence.HIGH
    imports_flask = any(
        target and target.split(".")[0] in {"flask", "quart"} for target in ctx.names.scopes[0].bindings.values()
    )
    if imports_flask and isinstance(node, ast.Name) and node.id in {"app", "application", "flask_app"}:
        return Confidence.MEDIUM
    if APP_FACTORY.search(qualified):
        return Confidence.MEDIUM
    return None


@rule(
    "BST701",
    "flask-debug",
    summary="Flask application run with the interactive debugger enabled",
    attrs=("run",),
    severity="high",
    confidence="high",
    cwe=489,
    owasp="A05",
)
def flask_debug(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `app.run(debug=True)` on a Flask (or Quart) application and `socketio.run(app, debug=True)`.

    ## Why is this bad?
    Debug mode enables the Werkzeug debugger: any exception page offers an interactive Python console
    in the browser. Anyone who can reach the server and trigger an error — or guess the PIN, whose
    inputs are often predictable — can run code on the host. It also reloads code and shows stack
    traces with local variables.

    ## Example
    ```python
    if __name__ == "__main__":
        app.run(host="0.0.0.0", debug=True)
    ```

    ## Use instead
    Control debugging from the environment, off by default, and never expose it on a network.
    ```python
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    ```

    ## References
    - https://flask.palletsprojects.com/en/stable/debugging/
    - https://werkzeug.palletsprojects.com/en/stable/debug/
    - https://cwe.mitre.org/data/definitions/489.html
    """
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != "run":
        return
    debug = keyword(call, "debug")
    if debug is None or ctx.constant(debug) is not True:
        return
    if ctx.qualname(func) in SOCKETIO_RUN:
        yield ctx.finding(call, "`socketio.run(..., debug=True)` enables the Werkzeug debugger")
        return
    confidence = _is_flask_app(ctx, func.value)
    if confidence is not None:
        app = ctx.source.segment(func.value)
        yield ctx.finding(call, f"`{app}.run(debug=True)` enables the interactive Werkzeug debugger", confidence=confidence)
