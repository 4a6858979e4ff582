"""Strings built at run time: their literal parts and the values formatted into them."""

from __future__ import annotations

import ast


def is_built(node: ast.AST | None) -> bool:
    """An f-string, `%` or `+` expression, or a `.format()` call."""
    return isinstance(node, (ast.JoinedStr, ast.BinOp)) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
    )


def literal_text(node: ast.expr) -> str:
    """The literal parts of a built string, with `{}` where values go."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return literal_text(node.left) + literal_text(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return literal_text(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return literal_text(node.func.value)
    return "{}"


def pieces(node: ast.expr) -> list[ast.expr]:
    """The run-time values formatted into a built string (the template itself when it is not literal)."""
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return pieces(node.left) + pieces(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        right = node.right
        values = right.elts if isinstance(right, ast.Tuple) else list(right.values) if isinstance(right, ast.Dict) else [right]
        return pieces(node.left) + [v for v in values if v is not None]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return pieces(node.func.value) + list(node.args) + [k.value for k in node.keywords]
    if isinstance(node, ast.Constant):
        return []
    return [node]
