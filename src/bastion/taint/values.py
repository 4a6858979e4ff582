"""Abstract values of the intra-procedural flow: symbolic taint labels plus what we know of shape.

A taint is a mapping `label -> kinds already sanitised`. Labels are symbolic so that a function's
summary can be computed alone and resolved later over the call graph:

- `s:N`  source N of this file (a request attribute, `input()`, ...);
- `p:NAME` the function's parameter NAME;
- `c:N`  the value returned by call site N (resolved by the project pass).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bastion.engine.astutil import dotted

Taint = dict[str, frozenset[str]]
NOCONST: Any = object()
EMPTY: frozenset[str] = frozenset()


def union(*taints: Taint) -> Taint:
    """Labels of all the taints, each cleared only of what every taint carrying it clears.

    Taints are never changed in place, so a union with a single non-empty part is that part."""
    first: Taint | None = None
    out: Taint | None = None
    for taint in taints:
        if not taint:
            continue
        if first is None:
            first = taint
            continue
        if out is None:
            out = dict(first)
        for label, cleared in taint.items():
            old = out.get(label)
            out[label] = cleared if old is None or old is cleared else old & cleared
    if out is not None:
        return out
    return first if first is not None else {}


def union2(a: Taint, b: Taint) -> Taint:
    """`union(a, b)`, without the argument tuple (the commonest case)."""
    if not b or a is b:
        return a
    if not a:
        return b
    out = dict(a)
    for label, cleared in b.items():
        old = out.get(label)
        out[label] = cleared if old is None or old is cleared else old & cleared
    return out


def flat_union(values: list[Val]) -> Taint:
    """`union(*(v.flat() for v in values))` without the intermediate list of (mostly empty) taints."""
    first: Taint | None = None
    rest: list[Taint] = []
    for value in values:
        taint = value.flat() if value.items else value.taint
        if taint:
            if first is None:
                first = taint
            else:
                rest.append(taint)
    if first is None:
        return {}
    return union(first, *rest) if rest else first


def clear(taint: Taint, kinds: frozenset[str]) -> Taint:
    return {label: cleared | kinds for label, cleared in taint.items()}


@dataclass(slots=True)
class Val:
    taint: Taint
    const: Any = NOCONST
    items: dict[Any, Val] | None = None  # known keys of a dict, or indexes of a list/tuple
    seq: bool = False  # items are a list/tuple by position
    kind: str | None = None  # "request", "file", "instance:<class>", "path-normal", "urlparse", "lambda"
    qual: str | None = None  # resolved qualified name of what the value is
    origin: str | None = None  # variable this value is a view of (for guards)
    node: Any = None  # lambda node

    def flat(self) -> Taint:
        if not self.items:
            return self.taint
        return union(self.taint, *(item.flat() for item in self.items.values()))

    @property
    def tainted(self) -> bool:
        return bool(self.flat())


CLEAN = Val({})


def const(value: Any) -> Val:
    return Val({}, value)


def plain(taint: Taint) -> Val:
    return Val(taint) if taint else CLEAN


def join(a: Val | None, b: Val | None) -> Val:
    if a is None:
        return b or CLEAN
    if b is None or a is b:
        return a
    value = Val(union2(a.taint, b.taint))
    if a.const is not NOCONST and b.const is not NOCONST:
        try:
            if a.const == b.const and type(a.const) is type(b.const):
                value.const = a.const
        except Exception:  # odd constants never compare
            pass
    if a.items is not None and b.items is not None and a.seq == b.seq and a.items.keys() == b.items.keys():
        value.items = {key: join(a.items[key], b.items[key]) for key in a.items}
        value.seq = a.seq
    elif a.items or b.items:
        value.taint = union(a.flat(), b.flat())
    if a.kind == b.kind:
        value.kind = a.kind
    if a.qual == b.qual:
        value.qual = a.qual
    if a.origin == b.origin:
        value.origin = a.origin
    return value


def with_taint(value: Val, taint: Taint) -> Val:
    """`value` with another taint, and neither items nor a constant (dataclasses.replace, spelled out)."""
    return Val(taint, NOCONST, None, value.seq, value.kind, value.qual, value.origin, value.node)


Env = dict[str, Val]


def merge(a: Env | None, b: Env | None) -> Env | None:
    if a is None:
        return b
    if b is None:
        return a
    out = dict(a)
    for name, value in b.items():
        old = out.get(name)
        if old is not value:  # most variables are the same object on both sides
            out[name] = value if old is None else join(old, value)
    return out


# The environment key of a variable or attribute chain (`x`, `self.x.y`); None otherwise.
target_key = dotted


def dump(taint: Taint) -> dict[str, list[str]]:
    return {label: sorted(cleared) for label, cleared in taint.items()}
