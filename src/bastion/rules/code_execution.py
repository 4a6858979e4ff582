"""Dynamic code execution: `eval`, `exec` and `compile` of text that is not a literal."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.astutil import argument, is_literal
from bastion.engine.context import Context
from bastion.model import Confidence, Finding
from bastion.rules import _local_flow
from bastion.rules.registry import rule

_EXECUTORS = {"eval": 0, "exec": 0, "compile": 0, "builtins.eval": 0, "builtins.exec": 0, "builtins.compile": 0}
_AST_BUILDERS = frozenset({"ast.Module", "ast.Expression", "ast.Interactive", "ast.fix_missing_locations"})
_CODE_TYPES = frozenset({"types.CodeType", "CodeType"})
_DEFINITION = ("def ", "async def ", "class ", "lambda")


def _program_built_ast(ctx: Context, node: ast.expr, before: ast.AST) -> bool:
    """An AST the program assembles from node constructors (or `ast.parse` of a literal), not text."""
    if isinstance(node, ast.Name):
        bound = _local_flow.bound_call(ctx, node.id, before)
        return bound is not None and _program_built_ast(ctx, bound, before)
    if not isinstance(node, ast.Call):
        return False
    name = ctx.call_name(node)
    if name == "ast.parse":
        return bool(node.args) and is_literal(node.args[0])
    return name in _AST_BUILDERS


def _compiles_here(ctx: Context) -> bool:
    """The module calls `compile()` itself, so its code objects are judged where they are made.
    (A `runcode(code: CodeType)` fed by a library's `compile`, as in an interactive console that
    runs what arrives over the network, has no such site and stays reported.)"""
    tree = ctx.source.tree
    if _LAST_MODULE and _LAST_MODULE[0][0] is tree:
        return _LAST_MODULE[0][1]
    compiles = "compile(" in ctx.source.text and any(
        isinstance(node, ast.Call) and ctx.qualname(node.func) in {"compile", "builtins.compile"} for node in ast.walk(tree)
    )
    _LAST_MODULE[:] = [(tree, compiles)]
    return compiles


_LAST_MODULE: list[tuple[ast.Module, bool]] = []  # the file being checked: one walk per file


def _compiled_object(ctx: Context, node: ast.expr, before: ast.AST) -> bool:
    """A code object: a parameter annotated `CodeType` in a module that compiles its own, or
    `compile()` of a program-built AST. Where its text came from is judged where it was compiled."""
    if isinstance(node, ast.Name):
        function = ctx.function
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and _compiles_here(ctx):
            args = function.args
            for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
                if arg.arg == node.id and arg.annotation is not None and ctx.qualname(arg.annotation) in _CODE_TYPES:
                    return True
        bound = _local_flow.bound_call(ctx, node.id, before)
        node = bound if bound is not None else node
    if isinstance(node, ast.Call) and ctx.call_name(node) in {"compile", "builtins.compile"} and node.args:
        return _program_built_ast(ctx, node.args[0], before)
    return False


_READS = frozenset({"read", "read_text", "read_bytes"})


def _file_contents(ctx: Context, node: ast.expr, before: ast.AST, depth: int = 0) -> bool:
    """The contents of a file (`f.read()`, `compile(f.read(), path, "exec")`): running a Python file,
    as `import` and `runpy` do; as safe as the file's permissions."""
    if depth > 2:
        return False
    if isinstance(node, ast.Name):
        bound = _local_flow.bound_call(ctx, node.id, before)
        return bound is not None and _file_contents(ctx, bound, before, depth + 1)
    if not isinstance(node, ast.Call):
        return False
    if isinstance(node.func, ast.Attribute) and node.func.attr in _READS:
        return True
    return ctx.call_name(node) in {"compile", "builtins.compile"} and bool(node.args) and _file_contents(ctx, node.args[0], before, depth + 1)


def _defines_code(ctx: Context, node: ast.expr | None, before: ast.AST, depth: int = 0) -> bool:
    """Source generated from a literal template of a definition (`"def %s(obj, value): ..." % name`),
    as libraries do to build decorators and constructors."""
    if node is None or depth > 3:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and (node.value.lstrip().startswith(_DEFINITION) or "\ndef " in node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _defines_code(ctx, node.left, before, depth + 1)
    if isinstance(node, ast.JoinedStr):
        return bool(node.values) and _defines_code(ctx, node.values[0], before, depth + 1)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _defines_code(ctx, node.func.value, before, depth + 1)
    if isinstance(node, ast.Name):
        values = _local_flow.assigned_values(ctx, node.id, before) or [ctx.module_constants.get(node.id)]
        return bool(values) and _defines_code(ctx, values[0], before, depth + 1)
    return False


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
    ASTs the program assembles itself (`compile(ast.Module(...))`) and code objects (a parameter
    annotated `CodeType`) are not text and are not reported. Source generated from a literal
    definition template (`exec("def %s(obj, value): ..." % name)`, the way libraries build
    decorators and constructors) and running the contents of a file (`exec(compile(f.read(), path,
    "exec"))`, like `import`) are reported with low confidence.
    """
    name = ctx.call_name(call)
    if name not in _EXECUTORS:
        return
    code = argument(call, 0, "source")
    if code is None or is_literal(code) or ctx.constant(code) is not ...:
        return
    short = name.removeprefix("builtins.")
    parent = ctx.parent
    if short == "compile" and isinstance(parent, ast.Call) and ctx.call_name(parent) in _EXECUTORS and argument(parent, 0, "source") is call:
        return  # exec(compile(text, ...)): one finding, on the exec
    if _program_built_ast(ctx, code, call) or (short != "compile" and _compiled_object(ctx, code, call)):
        return
    shown = ctx.source.segment(code)[:60]
    if _file_contents(ctx, code, call):
        yield ctx.finding(call, f"`{short}()` runs the contents of a file (`{shown}`) as Python; safe only if nobody "
                          "untrusted can write or choose that file", confidence=Confidence.LOW)
        return
    if _defines_code(ctx, code, call):
        yield ctx.finding(call, f"`{short}()` runs source generated from a definition template (`{shown}`); check that "
                          "nothing from outside reaches the values filled in", confidence=Confidence.LOW)
        return
    yield ctx.finding(call, f"`{short}()` runs code built at run time from `{shown}`")
