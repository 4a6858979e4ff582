"""Small questions rules ask about expressions: is it a literal, which argument is this, ..."""

from __future__ import annotations

import ast
from typing import Any

UNKNOWN: Any = ...

# Fields never worth descending into: expression contexts and operators (singletons read from their
# parent), and fields holding plain strings, numbers or lists of strings.
_SKIPPED_FIELDS = frozenset(
    {"ctx", "op", "ops", "id", "attr", "arg", "name", "names", "module", "level", "kind", "type_comment",
     "conversion", "is_async", "rest", "kwd_attrs", "simple", "lineno", "tag"}
)
_LEAF_TYPES = (ast.Constant, ast.Global, ast.Nonlocal, ast.alias, ast.Pass, ast.Break, ast.Continue, ast.MatchSingleton)
_FIELD_CACHE: dict[type, tuple[str, ...]] = {}


def child_fields(node_type: type) -> tuple[str, ...]:
    """The fields of a node type that can hold child nodes worth visiting."""
    fields = _FIELD_CACHE.get(node_type)
    if fields is None:
        if issubclass(node_type, _LEAF_TYPES):
            fields = ()
        else:
            fields = tuple(name for name in node_type._fields if name not in _SKIPPED_FIELDS and _may_hold_nodes(node_type, name))
        _FIELD_CACHE[node_type] = fields
    return fields


def _may_hold_nodes(node_type: type, name: str) -> bool:
    """From the grammar's field types where Python records them (3.13+): a field typed `int` or
    `str` in a future grammar is never walked into."""
    declared = getattr(node_type, "_field_types", {}).get(name)
    return declared is None or "ast." in str(declared) or (isinstance(declared, type) and issubclass(declared, ast.AST))


def descendants(node: ast.AST) -> list[ast.AST]:
    """`node` and every node below it, breadth first: what `ast.walk` yields, without expression
    contexts and operators, about three times faster (analyses call this on every function)."""
    # Past the skipped fields, a field holds a node, None, or a list of nodes (with None only among
    # a dict's keys, for `**` entries): no per-item type test is needed.
    found = [node]
    append, extend = found.append, found.extend
    cache = _FIELD_CACHE
    index = 0
    while index < len(found):
        current = found[index]
        index += 1
        fields = cache.get(current.__class__)
        if fields is None:
            fields = child_fields(current.__class__)
        for name in fields:
            value = getattr(current, name, None)
            if value.__class__ is list:
                if value:
                    extend(value if None not in value else [item for item in value if item is not None])
            elif value is not None:
                append(value)
    return found


def literal_value(node: ast.AST | None) -> Any:
    """The Python value of a literal expression, or `...` (UNKNOWN) when it is not one."""
    if node is None:
        return UNKNOWN
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return UNKNOWN


def is_literal(node: ast.AST | None) -> bool:
    """True for expressions built only from constants (strings joined, formatted with constants, ...)."""
    if node is None:
        return True
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(is_literal(value) for value in node.values)
    if isinstance(node, ast.FormattedValue):
        return is_literal(node.value)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(is_literal(element) for element in node.elts)
    if isinstance(node, ast.Dict):
        return all(is_literal(k) and is_literal(v) for k, v in zip(node.keys, node.values, strict=True))
    if isinstance(node, ast.BinOp):
        return is_literal(node.left) and is_literal(node.right)
    if isinstance(node, ast.UnaryOp):
        return is_literal(node.operand)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"format", "join"}:
        return is_literal(node.func.value) and all(is_literal(a) for a in node.args) and all(
            is_literal(k.value) for k in node.keywords
        )
    return False


def is_string_built_dynamically(node: ast.AST | None) -> bool:
    """An f-string with fields, `%`/`+` formatting or `.format()` with non-literal parts."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and not is_literal(v.value) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return not is_literal(node)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return not is_literal(node)
    return False


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == name:
            return item.value
    return None


def argument(call: ast.Call, position: int | None, name: str | None = None) -> ast.expr | None:
    """The expression passed for a parameter, by keyword or position (None if absent or after *args)."""
    if name is not None:
        found = keyword(call, name)
        if found is not None:
            return found
    if position is not None and position < len(call.args):
        if any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
            return None
        return call.args[position]
    return None


def has_kwargs_splat(call: ast.Call) -> bool:
    return any(item.arg is None for item in call.keywords)


def is_true(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def is_false(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def name_of_target(node: ast.AST) -> str | None:
    """`x`, `self.x` or `obj["x"]` -> "x"; the name a value is stored under."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    return None


def dotted(node: ast.AST) -> str | None:
    """The spelled dotted name of an expression (`a.b.c`), without resolving imports."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None
