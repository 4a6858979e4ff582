"""Building text edits at exact AST positions, for rules that declare fixes.

Positions are `ast`'s: lines 1-based, columns in UTF-8 bytes. Edits use character columns, so every
builder converts through the source line.
"""

from __future__ import annotations

import ast

from bastion.model import Edit, Fix
from bastion.source import SourceFile


def _char_column(source: SourceFile, line: int, byte_column: int) -> int:
    text = source.line(line)
    return len(text.encode("utf-8")[:byte_column].decode("utf-8", errors="replace"))


def span(source: SourceFile, node: ast.AST) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of a node, in characters."""
    line, end_line = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
    return (
        line,
        _char_column(source, line, node.col_offset),  # type: ignore[attr-defined]
        end_line,
        _char_column(source, end_line, node.end_col_offset),  # type: ignore[attr-defined]
    )


def replace(source: SourceFile, node: ast.AST, text: str) -> Edit:
    line, column, end_line, end_column = span(source, node)
    return Edit(line, column, end_line, end_column, text)


def insert_after(source: SourceFile, node: ast.AST, text: str) -> Edit:
    _, _, end_line, end_column = span(source, node)
    return Edit(end_line, end_column, end_line, end_column, text)


def remove_keyword(source: SourceFile, call: ast.Call, keyword: ast.keyword) -> Edit:
    """Remove `name=value` and the comma that separates it from its neighbour."""
    items: list[ast.AST] = [*call.args, *call.keywords]
    items.sort(key=lambda item: (item.lineno, item.col_offset))  # type: ignore[attr-defined]
    index = next(i for i, item in enumerate(items) if item is keyword)
    line, column, end_line, end_column = span(source, keyword)
    if index > 0:
        _, _, line, column = span(source, items[index - 1])
    elif index + 1 < len(items):
        end_line, end_column, _, _ = span(source, items[index + 1])
    return Edit(line, column, end_line, end_column, "")


def add_keyword(source: SourceFile, call: ast.Call, text: str) -> Edit:
    """Append `name=value` as the last argument of a call."""
    items: list[ast.AST] = [*call.args, *call.keywords]
    if items:
        last = max(items, key=lambda item: (item.end_lineno, item.end_col_offset))  # type: ignore[attr-defined]
        return insert_after(source, last, f", {text}")
    _, _, end_line, end_column = span(source, call)
    return Edit(end_line, end_column - 1, end_line, end_column - 1, text)


def ensure_import(source: SourceFile, module: str) -> Edit | None:
    """An edit adding `import module` at the top level, unless the file already imports it."""
    tree = source.tree
    for node in tree.body:
        if isinstance(node, ast.Import) and any(a.name == module and a.asname is None for a in node.names):
            return None
    anchor = 0
    for index, node in enumerate(tree.body):
        is_docstring = index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        is_future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        if is_docstring or is_future:
            anchor = node.end_lineno or node.lineno
            continue
        break
    return Edit(anchor + 1, 0, anchor + 1, 0, f"import {module}\n")


def fix(description: str, *edits: Edit | None) -> Fix:
    return Fix(description, tuple(edit for edit in edits if edit is not None))
