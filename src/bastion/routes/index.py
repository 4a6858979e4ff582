"""Every file's route facts in one place, with names resolved across modules (re-exports too)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Index:
    functions: dict[str, tuple[str, dict]] = field(default_factory=dict)  # qualname -> (file, facts)
    classes: dict[str, tuple[str, dict]] = field(default_factory=dict)
    objects: dict[str, dict] = field(default_factory=dict)
    calls: list[tuple[str, dict]] = field(default_factory=list)  # (file, call)
    urlconfs: dict[str, tuple[str, list]] = field(default_factory=dict)  # module -> (file, urlpatterns)
    settings: dict[str, Any] = field(default_factory=dict)
    imports: dict[str, dict[str, str]] = field(default_factory=dict)  # module -> local name -> target
    options: Mapping[str, Any] = field(default_factory=dict)  # [tool.bastion.routes]
    _suffixes: dict[str, str] | None = None

    @classmethod
    def build(cls, facts: Mapping[str, Any], options: Mapping[str, Any]) -> Index:
        index = cls(options=options)
        for path, item in sorted(facts.items()):
            if not item:
                continue
            module = item["module"]
            index.imports[module] = item.get("imports", {})
            for name, value in item["functions"].items():
                index.functions[name] = (path, value)
            for name, value in item["classes"].items():
                index.classes[name] = (path, value)
            index.objects.update(item["objects"])
            index.calls.extend((path, call) for call in item["calls"])
            if item["urlpatterns"] is not None:
                index.urlconfs[module] = (path, item["urlpatterns"])
            for key, value in item["settings"].items():
                index.settings.setdefault(key, value)
        return index

    def resolve(self, name: str | None) -> str:
        """Follow re-exports (`from .views import index` in a package `__init__`) to the definition."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            if name in self.functions or name in self.classes or name in self.objects:
                return name
            module, _, attr = name.rpartition(".")
            target = self.imports.get(module, {}).get(attr)
            if target is None:
                head, _, rest = module.rpartition(".")
                inner = self.imports.get(head, {}).get(rest) if head else None
                if inner is None:
                    return name
                name = f"{inner}.{attr}"
                continue
            name = target
        return self._by_suffix(name) if name else ""

    def _by_suffix(self, name: str) -> str:
        """`blog.views.index` for a project scanned from above its source root (`src.blog.views.index`)."""
        if name in self.functions or name in self.classes or name in self.objects:
            return name
        if self._suffixes is None:
            self._suffixes = {}
            for key in (*self.functions, *self.classes, *self.objects):
                parts = key.split(".")
                for start in range(1, len(parts) - 1):
                    suffix = ".".join(parts[start:])
                    self._suffixes[suffix] = key if suffix not in self._suffixes else ""
        return self._suffixes.get(name) or name

    def function(self, name: str | None) -> tuple[str, dict] | None:
        return self.functions.get(self.resolve(name))

    def class_(self, name: str | None) -> tuple[str, dict] | None:
        return self.classes.get(self.resolve(name))

    def object(self, name: str | None) -> dict | None:
        return self.objects.get(self.resolve(name))

    def ancestors(self, name: str) -> list[str]:
        """The class, then its bases depth first, as resolved names (external bases included)."""
        order: list[str] = []
        stack = [self.resolve(name)]
        while stack and len(order) < 64:
            current = stack.pop(0)
            if current in order:
                continue
            order.append(current)
            found = self.classes.get(current)
            if found:
                stack[0:0] = [self.resolve(b) for b in found[1]["bases"]]
        return order

    def class_attr(self, name: str, attr: str) -> Any:
        for ancestor in self.ancestors(name):
            found = self.classes.get(ancestor)
            if found and attr in found[1]["attrs"]:
                return found[1]["attrs"][attr]
        return None

    def class_method(self, name: str, method: str) -> tuple[str, str, dict] | None:
        """(owner class, file, function facts) for the first class in the MRO defining `method`."""
        for ancestor in self.ancestors(name):
            found = self.classes.get(ancestor)
            if found and method in found[1]["methods"]:
                entry = self.functions.get(f"{ancestor}.{method}")
                if entry:
                    return ancestor, entry[0], entry[1]
        return None
