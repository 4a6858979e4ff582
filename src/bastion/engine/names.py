"""Scopes and qualified-name resolution, built as the single walk goes (pyflakes style).

A binding maps a local name to the qualified name of what it refers to, or to `None` when it is a
local value whose origin we do not know (a parameter, the result of arithmetic, ...).

- `import a.b as c`           c -> "a.b"
- `import a.b`                a -> "a"            (so `a.b.f` resolves to "a.b.f")
- `from x import y as z`      z -> "x.y"
- `from . import y` in pkg.m  y -> "pkg.y"
- `run = subprocess.run`      run -> "subprocess.run"
- `s = requests.Session()`    s -> "requests.Session()"   (so `s.get` resolves to "requests.Session().get")
- `def f` / `class C`         f -> "<module>.f"
Unbound builtins resolve to their bare name (`eval`, `open`).
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field

BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass(slots=True)
class Scope:
    kind: str  # "module", "class" or "function"
    name: str  # qualified name of the module, class or function
    bindings: dict[str, str | None] = field(default_factory=dict)


def resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str | None:
    """`from ..x import y` inside `module` -> the absolute module name of `..x`."""
    if level == 0:
        return target
    parts = module.split(".") if module else []
    if not is_package:
        parts = parts[:-1]
    if level - 1 > len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    if target:
        base.append(target)
    return ".".join(base) or None


class NameResolver:
    """The scope stack of one file, and lookups against it."""

    def __init__(self, module: str, is_package: bool = False) -> None:
        self.module = module
        self.is_package = is_package
        self.scopes: list[Scope] = [Scope("module", module)]

    # -- binding ---------------------------------------------------------------------------

    @property
    def current(self) -> Scope:
        return self.scopes[-1]

    def bind(self, name: str, target: str | None) -> None:
        self.scopes[-1].bindings[name] = target

    def bind_import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.bind(alias.asname, alias.name)
                else:
                    head = alias.name.split(".", 1)[0]
                    self.bind(head, head)
            return
        base = resolve_relative(self.module, self.is_package, node.level, node.module)
        for alias in node.names:
            if alias.name == "*":
                continue
            target = f"{base}.{alias.name}" if base else None
            self.bind(alias.asname or alias.name, target)

    def bind_target(self, target: ast.expr, value: ast.expr | None) -> None:
        """Bind assignment targets; a single name bound to a resolvable value becomes an alias."""
        if isinstance(target, ast.Name):
            self.bind(target.id, self.qualname(value) if value is not None else None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            values = value.elts if isinstance(value, (ast.Tuple, ast.List)) else None
            for index, element in enumerate(target.elts):
                paired = values[index] if values is not None and index < len(values) else None
                self.bind_target(element.value if isinstance(element, ast.Starred) else element, paired)

    def child_name(self, name: str) -> str:
        parent = self.scopes[-1].name
        return f"{parent}.{name}" if parent else name

    # -- lookup ----------------------------------------------------------------------------

    def lookup(self, name: str) -> str | None:
        scopes = self.scopes
        last = len(scopes) - 1
        for index in range(last, -1, -1):
            scope = scopes[index]
            if scope.kind == "class" and index != last:
                continue  # class bodies are not visible from the functions inside them
            if name in scope.bindings:
                return scope.bindings[name]
        return name if name in BUILTIN_NAMES else None

    def is_bound_locally(self, name: str) -> bool:
        return name in self.scopes[-1].bindings

    def qualname(self, node: ast.AST | None) -> str | None:
        """The dotted name an expression refers to, or None when it cannot be known statically."""
        if isinstance(node, ast.Name):
            return self.lookup(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualname(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            base = self.qualname(node.func)
            return f"{base}()" if base else None
        return None
