"""Files and directories made writable by every user."""

from __future__ import annotations

import ast
import stat
from collections.abc import Iterator

from bastion.engine.astutil import argument
from bastion.engine.context import Context
from bastion.model import Finding, Severity
from bastion.rules.registry import rule

# Modes given when creating files (`os.open`, `os.mkdir`) pass through the umask, so only chmod counts.
CHMOD_FUNCTIONS = {"os.chmod": 1, "os.fchmod": 1, "os.lchmod": 1}


def _mode(ctx: Context, node: ast.expr | None) -> int | None:
    """Evaluate a mode built from integers and `stat.S_*` constants with `|` and `+`."""
    if node is None:
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Add)):
        left, right = _mode(ctx, node.left), _mode(ctx, node.right)
        return None if left is None or right is None else (left | right if isinstance(node.op, ast.BitOr) else left + right)
    qualname = ctx.qualname(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    if qualname and qualname.startswith("stat.S_"):
        value = getattr(stat, qualname[5:], None)
        return value if isinstance(value, int) else None
    value = ctx.constant(node)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@rule(
    "BST234",
    "permissive-file-permissions",
    summary="chmod to a mode that lets every user write the file",
    attrs={"chmod", "fchmod", "lchmod"},
    severity="high",
    confidence="high",
    cwe=732,
    owasp="A01",
)
def permissive_file_permissions(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Flags `os.chmod`, `os.fchmod` and `Path.chmod` when the literal mode makes the file writable by
    every user (`o+w`, e.g. `0o777`, `0o666`). Modes given when creating files are masked by the umask
    and are not reported.

    ## Why is this bad?
    Any local user, or any compromised service on the host, can then replace the file's content: a
    configuration, a script that runs later, a log an audit relies on.

    ## Example
    ```python
    os.chmod("/srv/app/config.ini", 0o777)
    ```

    ## Use instead
    ```python
    os.chmod("/srv/app/config.ini", 0o640)
    ```

    ## References
    - https://cwe.mitre.org/data/definitions/732.html
    - https://docs.python.org/3/library/os.html#os.chmod
    """
    name = ctx.call_name(call) or ""
    if name in CHMOD_FUNCTIONS:
        mode_node = argument(call, CHMOD_FUNCTIONS[name], "mode")
    elif isinstance(call.func, ast.Attribute) and call.func.attr == "chmod" and not name.startswith("os."):
        mode_node = argument(call, 0, "mode")
    else:
        return
    mode = _mode(ctx, mode_node)
    if mode is None or not mode & stat.S_IWOTH:
        return
    yield ctx.finding(call, f"mode {oct(mode)} makes the file writable by every user", severity=Severity.HIGH)
