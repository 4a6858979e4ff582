"""The one walk over a function that the route facts need.

Breadth first, in exactly the order of `engine.astutil.descendants` (same fields, same order), it
gathers on the way what the facts are computed from: identifiers and short strings, calls, and
the few statement and expression kinds the facts look at. The route facts walk every function of
every scanned file, so the loop is written for speed: one plan per node type (what to note, and an
`attrgetter` for its child fields), and nothing else per node.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from bastion.engine.astutil import child_fields

Name = ast.Name

# Nodes kept (in walk order) besides calls; everything else is only walked through.
KEPT = frozenset({
    ast.Compare, ast.Assign, ast.FunctionDef, ast.AsyncFunctionDef, ast.Import, ast.ImportFrom,
    ast.Return, ast.keyword,
})
SHORT_STRING = 40  # string constants shorter than this count as words (`"admin"`, `"POST"`)

# What to note about a node of a given type.
_NAME, _ATTRIBUTE, _ARG, _CONSTANT, _CALL, _KEEP, _IMPORT = range(1, 8)
_Plan = tuple[int, Any, Any]  # (what to note, getter of its one child field, getter of several)
_PLANS: dict[type, _Plan] = {}


@dataclass(slots=True)
class Walked:
    nodes: list[ast.AST]  # everything but the names read from a single field, breadth first
    names: list[str] = field(default_factory=list)  # ids of ast.Name nodes
    spelled: list[str] = field(default_factory=list)  # attribute names, parameter names, short strings
    calls: list[ast.Call] = field(default_factory=list)
    bare_calls: list[ast.Call] = field(default_factory=list)  # the calls of a plain name (`login_check(request)`)
    kept: list[Any] = field(default_factory=list)  # the KEPT kinds
    imports: bool = False  # is there an import among them?


def _plan(kind: type) -> _Plan:
    note = {ast.Name: _NAME, ast.Attribute: _ATTRIBUTE, ast.arg: _ARG, ast.Constant: _CONSTANT, ast.Call: _CALL,
            ast.Import: _IMPORT, ast.ImportFrom: _IMPORT}.get(kind)
    if note is None:
        note = _KEEP if kind in KEPT else 0
    fields = child_fields(kind)
    plan = _PLANS[kind] = (note, attrgetter(fields[0]) if len(fields) == 1 else None,
                           attrgetter(*fields) if len(fields) > 1 else None)
    return plan


def walk(root: ast.AST) -> Walked:
    """`root` and every node below it, breadth first, with what the route facts read from them.

    A name read straight from its parent's field is noted at once instead of being queued: names
    are a third of all nodes, and only their spelling is used.
    """
    found = [root]
    walked = Walked(found)
    append, extend = found.append, found.extend
    name, spelled, calls, bare_calls, kept = walked.names.append, walked.spelled, walked.calls, walked.bare_calls, walked.kept
    plans = _PLANS
    for node in found:  # the list grows while it is iterated: it is the queue
        kind = node.__class__
        try:
            note, one, several = plans[kind]
        except KeyError:
            note, one, several = _plan(kind)
        if note:  # the most frequent kinds first (names in lists only: the others are noted below)
            if note == _ATTRIBUTE:
                spelled.append(node.attr)  # type: ignore[attr-defined]
            elif note == _CALL:
                calls.append(node)  # type: ignore[arg-type]
                if node.func.__class__ is Name:  # type: ignore[attr-defined]
                    bare_calls.append(node)  # type: ignore[arg-type]
            elif note == _NAME:
                name(node.id)  # type: ignore[attr-defined]
                continue  # no children
            elif note == _CONSTANT:
                value = node.value  # type: ignore[attr-defined]
                if value.__class__ is str and len(value) < SHORT_STRING:
                    spelled.append(value)
                continue  # no children
            elif note == _ARG:
                spelled.append(node.arg)  # type: ignore[attr-defined]
            else:
                kept.append(node)
                if note == _IMPORT:
                    walked.imports = True
        # A field holds a node, None, or a list of nodes; None appears in a list only among a
        # dict's keys (`**` entries) and keyword-only defaults. The one-field branch repeats the
        # loop's body on purpose: most nodes have one child field, and it builds no tuple for them.
        if one is not None:
            value = one(node)
            kind = value.__class__
            if kind is Name:
                name(value.id)
            elif kind is list:
                if value:
                    extend(value if None not in value else [item for item in value if item is not None])
            elif value is not None:
                append(value)
        elif several is not None:
            for value in several(node):
                kind = value.__class__
                if kind is Name:
                    name(value.id)
                elif kind is list:
                    if value:
                        extend(value if None not in value else [item for item in value if item is not None])
                elif value is not None:
                    append(value)
    return walked
