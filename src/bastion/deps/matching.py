"""OSV matching for the PyPI ecosystem: ECOSYSTEM ranges and explicit version lists, PEP 440 order.

An `affected[]` entry affects a version when the version is in its `versions` list or inside one of
its ECOSYSTEM ranges. A range is evaluated as the OSV specification describes: events sorted by
version (`introduced: "0"` first), `introduced` opens, `fixed` closes before itself, `last_affected`
closes after itself; `limit` events bound the range from above. GIT ranges name commits, not
releases, and are ignored for PyPI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from packaging.utils import canonicalize_version
from packaging.version import InvalidVersion, Version

Event = tuple[str, str]  # ("introduced" | "fixed" | "last_affected" | "limit", version)


@lru_cache(maxsize=65536)
def parse_version(text: str) -> Version | None:
    try:
        return Version(text)
    except (InvalidVersion, TypeError):
        return None


@lru_cache(maxsize=65536)
def normal_version(text: str) -> str:
    """The canonical spelling used to compare against explicit `versions` lists."""
    try:
        return canonicalize_version(text)
    except (InvalidVersion, TypeError):
        return text.strip().lower()


def _event_order(event: Event) -> tuple[int, Version]:
    kind, value = event
    if kind == "introduced" and value == "0":
        return (0, Version("0"))
    version = parse_version(value)
    return (1, version if version is not None else Version("0"))


@dataclass(frozen=True, slots=True)
class CompiledRange:
    """A range with its versions parsed and its events sorted once, for repeated matching."""

    limits: tuple[Version, ...]
    events: tuple[tuple[str, Version], ...]

    def affects(self, version: Version) -> bool:
        if any(version >= limit for limit in self.limits):
            return False
        affected = False
        for kind, bound in self.events:
            if kind == "introduced" and version >= bound:
                affected = True
            elif (kind == "fixed" and version >= bound) or (kind == "last_affected" and version > bound):
                affected = False
        return affected


def compile_range(events: Sequence[Event]) -> CompiledRange:
    limits = tuple(v for v in (parse_version(value) for kind, value in events if kind == "limit") if v is not None)
    ordered = []
    for kind, value in sorted((e for e in events if e[0] != "limit"), key=_event_order):
        bound = Version("0") if value == "0" else parse_version(value)
        if bound is not None:  # an unparseable bound (a commit hash in the wrong range type) says nothing
            ordered.append((kind, bound))
    return CompiledRange(limits, tuple(ordered))


def range_affects(events: Sequence[Event], version: Version) -> bool:
    return compile_range(events).affects(version)


@dataclass(frozen=True, slots=True)
class Affected:
    """One `affected[]` entry of one advisory, reduced to what matching needs."""

    advisory_id: str
    ranges: tuple[tuple[Event, ...], ...]
    listed: str = ""  # the `versions` list, canonical spellings, one per line between newlines
    _compiled: tuple[CompiledRange, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, advisory_id: str, ranges: tuple[tuple[Event, ...], ...], versions: Iterable[str]) -> Affected:
        canonical = sorted({normal_version(v) for v in versions})
        return cls(advisory_id, ranges, "\n" + "\n".join(canonical) + "\n" if canonical else "")

    @property
    def versions(self) -> frozenset[str]:
        return frozenset(self.listed.split("\n")[1:-1]) if self.listed else frozenset()

    @property
    def compiled(self) -> tuple[CompiledRange, ...]:
        """Ranges parsed on first use: most lookups are answered by the version list alone."""
        if self._compiled is None:
            object.__setattr__(self, "_compiled", tuple(compile_range(events) for events in self.ranges))
        return self._compiled  # type: ignore[return-value]

    def affects(self, version: Version, normal: str | None = None) -> bool:
        """`normal`: the version's canonical spelling, when the caller has it already."""
        spelled = normal if normal is not None else normal_version(str(version))
        if self.listed and f"\n{spelled}\n" in self.listed:
            return True
        return any(compiled.affects(version) for compiled in self.compiled)

    def fixed_versions(self) -> list[Version]:
        return [version for compiled in self.compiled for kind, version in compiled.events if kind == "fixed"]


def smallest_fix_above(version: Version, entries: Iterable[Affected]) -> Version | None:
    """The smallest `fixed` version above `version` across the advisory's entries, if any."""
    candidates = [fixed for entry in entries for fixed in entry.fixed_versions() if fixed > version]
    return min(candidates) if candidates else None


def ecosystem_ranges(ranges: object) -> tuple[tuple[Event, ...], ...]:
    """The ECOSYSTEM (and SEMVER) ranges of an OSV `ranges` array as event tuples; GIT ranges dropped."""
    result = []
    for item in ranges if isinstance(ranges, list) else []:
        if not isinstance(item, dict) or item.get("type") not in {"ECOSYSTEM", "SEMVER"}:
            continue
        events = []
        for event in item.get("events") or []:
            if isinstance(event, dict):
                for kind in ("introduced", "fixed", "last_affected", "limit"):
                    value = event.get(kind)
                    if isinstance(value, str):
                        events.append((kind, value))
        if events:
            result.append(tuple(events))
    return tuple(result)
