"""Simple local flow: what a name was assigned in the enclosing function before a given node.

Pattern rules use this to look one step behind a variable (`sql = "..." % x; cur.execute(sql)`)
without a dataflow engine; the taint analysis does the real thing across functions.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from bastion.engine.context import Context

_MAX_NODES = 20_000


def _body_of(ctx: Context) -> list[ast.stmt]:
    function = ctx.function
    if function is None:
        return list(ctx.source.tree.body)
    body = function.body
    return body if isinstance(body, list) else []


def _walk(statements: list[ast.stmt]) -> Iterator[ast.AST]:
    """Nodes of these statements, not descending into nested functions or classes."""
    stack: list[ast.AST] = list(reversed(statements))
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        yield node
        for child in reversed(list(ast.iter_child_nodes(node))):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                stack.append(child)


def assigned_values(ctx: Context, name: str, before: ast.AST) -> list[ast.expr]:
    """Expressions bound to `name` (by `=`, `+=` or `:=`) in the current scope before `before`'s line."""
    line = getattr(before, "lineno", 0)
    values: list[ast.expr] = []
    for node in _walk(_body_of(ctx)):
        if getattr(node, "lineno", line + 1) >= line:
            continue
        if isinstance(node, ast.Assign):
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                values.append(node.value)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            if isinstance(node.target, ast.Name) and node.target.id == name and node.value is not None:
                values.append(node.value)
        elif isinstance(node, ast.NamedExpr) and node.target.id == name:
            values.append(node.value)
    return values


def bound_call(ctx: Context, name: str, before: ast.AST) -> ast.Call | None:
    """The call whose result `name` holds: `name = f(...)` or `with f(...) as name`."""
    line = getattr(before, "lineno", 0)
    found: ast.Call | None = None
    for node in _walk(_body_of(ctx)):
        if getattr(node, "lineno", line + 1) > line:
            continue
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                found = node.value
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                target = item.optional_vars
                if isinstance(target, ast.Name) and target.id == name and isinstance(item.context_expr, ast.Call):
                    found = item.context_expr
    return found


def scope_nodes(ctx: Context) -> Iterator[ast.AST]:
    return _walk(_body_of(ctx))
