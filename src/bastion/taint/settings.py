"""Settings for [tool.bastion.taint]: key -> validator (value -> parsed value; raises ValueError).

    [tool.bastion.taint]
    sources = ["myapp.http.current_payload"]            # extra qualified names whose value is untrusted
    request-objects = ["myapp.ctx.request"]             # extra globals that are a Flask-like request
    low-confidence-sources = true                       # sys.argv, input(), stdin (default true)
    environment-sources = false                         # os.environ, os.getenv() (default false)
    file-sources = false                                # contents read from files (default false)
    kinds = ["sql", "command"]                          # only these sink kinds (default: all)

    [tool.bastion.taint.sinks]                          # kind -> qualified names (first argument)
    sql = ["myapp.db.run_query"]

    [tool.bastion.taint.sanitizers]                     # kind (or "all") -> qualified names
    xss = ["myapp.html.clean"]
    all = ["myapp.validate.strict_id"]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bastion.taint import spec


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ValueError("expected a list of qualified names")
    return tuple(value)


def _by_kind(allow_all: bool) -> Callable[[Any], dict[str, tuple[str, ...]]]:
    def parse(value: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise ValueError("expected a table of sink kind -> list of qualified names")
        out: dict[str, tuple[str, ...]] = {}
        for kind, names in value.items():
            if kind not in spec.KINDS and not (allow_all and kind == "all"):
                raise ValueError(f"unknown sink kind {kind!r} (one of {', '.join(spec.KINDS)})")
            out[kind] = _names(names)
        return out

    return parse


def _kinds(value: Any) -> tuple[str, ...]:
    names = _names(value)
    for name in names:
        if name not in spec.KINDS:
            raise ValueError(f"unknown sink kind {name!r}")
    return names


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


KEYS: dict[str, Callable[[Any], Any]] = {
    "sources": _names,
    "request-objects": _names,
    "sinks": _by_kind(False),
    "sanitizers": _by_kind(True),
    "low-confidence-sources": _bool,
    "environment-sources": _bool,
    "file-sources": _bool,
    "kinds": _kinds,
}


@dataclass(frozen=True)
class TaintOptions:
    """The built-in tables merged with the user's `[tool.bastion.taint]`."""

    sources: frozenset[str] = frozenset()
    request_globals: frozenset[str] = frozenset()
    sinks: Mapping[str, spec.Sink] = field(default_factory=lambda: spec.SINKS)
    method_sinks: Mapping[str, spec.Sink] = field(default_factory=lambda: spec.METHOD_SINKS)
    sanitizers: Mapping[str, frozenset[str]] = field(default_factory=lambda: spec.SANITIZERS)
    method_sanitizers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    low: bool = True
    environment: bool = False  # os.environ is operator input unless the project says otherwise
    files: bool = False
    kinds: frozenset[str] = spec.ALL

    @classmethod
    def from_section(cls, section: Mapping[str, Any]) -> TaintOptions:
        sinks = dict(spec.SINKS)
        for kind, names in section.get("sinks", {}).items():
            for name in names:
                sinks[name] = spec.Sink(kind)
        sanitizers = dict(spec.SANITIZERS)
        for kind, names in section.get("sanitizers", {}).items():
            kinds = spec.ALL if kind == "all" else frozenset({kind})
            for name in names:
                sanitizers[name] = sanitizers.get(name, frozenset()) | kinds
        return cls(
            sources=frozenset(section.get("sources", ())),
            request_globals=frozenset(section.get("request-objects", ())),
            sinks=sinks,
            sanitizers=sanitizers,
            low=section.get("low-confidence-sources", True),
            environment=section.get("environment-sources", False),
            files=section.get("file-sources", False),
            kinds=frozenset(section.get("kinds", spec.KINDS)),
        )
