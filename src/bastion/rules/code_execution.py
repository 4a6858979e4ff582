"""Dynamic code execution: `eval`, `exec` and `compile` of text that is not a literal."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

_EXECUTORS = {"eval": 0, "exec": 0, "compile": 0, "builtins.eval": 0, "builtins.exec": 0, "builtins.compile": 0}


@rule(
    "BST201",
    "eval-used",
    summary="`eval`, `exec` or `compile` of text that is not a literal",
    calls=_EXECUTORS,
    severity="high",
    confidence="medium",
    cwe=95,
    owasp="A03",
)
def eval_used(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags calls to `eval`, `exec` and `compile` whose code argument is not a literal string.

    ## Why is this bad?
    These functions run arbitrary Python. If any part of the text comes from a user, a file or the
    network, an attacker can run code with the application's privileges: read secrets, change data or
    take over the host. Even "sandboxing" with empty `__builtins__` is easy to escape.

    ## Example
    ```python
    total = eval(request.args["expression"])
    ```

    ## Use instead
    Parse data with `ast.literal_eval`, `json.loads` or a purpose-built parser; dispatch to functions
    from an explicit dictionary instead of building code.
    ```python
    import ast
    total = ast.literal_eval(request.args["expression"])
    ```

    ## References
    - https://docs.python.org/3/library/functions.html#eval
    - https://cwe.mitre.org/data/definitions/95.html
    - https://owasp.org/Top10/A03_2021-Injection/

    ## Known limitations
    A string held in a variable is treated as non-literal unless it is a module-level constant; the taint
    analysis reports the flows that reach these calls from untrusted input with higher confidence.
    """
    name = ctx.call_name(call)
    if name not in _EXECUTORS:
        return
    code = argument(call, 0, "source")
    if code is None or is_literal(code) or ctx.constant(code) is not ...:
        return
    short = name.removeprefix("builtins.")
    yield ctx.finding(call, f"`{short}()` runs code built at run time from `{ctx.source.segment(code)[:60]}`")
