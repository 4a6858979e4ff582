"""An independent, brute-force reading of an OSV dump, to check Bastion's dependency audit against.

Written separately from `bastion.deps` on purpose (no shared code): records straight from the zip,
ranges turned into explicit intervals, versions compared with `packaging` only.
"""

from __future__ import annotations

import json
import zipfile
from collections import defaultdict
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

SCHEMA = Path("/work/shared/schemas/osv-schema.json")
SNAPSHOT_2026 = Path("/work/shared/osv/pypi-advisories-2026-07-23.zip")
SNAPSHOT_2024 = Path("/work/shared/osv/pypi-advisories.zip")
INFINITY = None


def _v(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def intervals(events: list[dict]) -> list[tuple[Version, Version | None, bool, Version | None]]:
    """(low, high, high_inclusive, limit) intervals of one ECOSYSTEM range."""
    points = []
    limit = None
    for event in events:
        ((kind, value),) = event.items()
        if kind == "limit":
            limit = _v(value)
            continue
        version = Version("0") if value == "0" else _v(value)
        if version is not None:
            points.append((0 if value == "0" else 1, version, kind, value))
    points.sort(key=lambda p: (p[0], p[1]))
    result, start = [], None
    for _, version, kind, _ in points:
        if kind == "introduced":
            start = version if start is None else start
        elif start is not None and version >= start:
            result.append((start, version, kind == "last_affected", limit))
            start = None
    if start is not None:
        result.append((start, INFINITY, False, limit))
    return result


def in_intervals(version: Version, spans) -> bool:
    for low, high, inclusive, limit in spans:
        if limit is not None and version >= limit:
            continue
        if version < low:
            continue
        if high is None or version < high or (inclusive and version == high):
            return True
    return False


class Oracle:
    def __init__(self, snapshot: Path = SNAPSHOT_2026) -> None:
        self.by_name: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
        with zipfile.ZipFile(snapshot) as archive:
            for name in archive.namelist():
                record = json.loads(archive.read(name))
                if record.get("withdrawn"):
                    continue
                for affected in record.get("affected") or []:
                    package = affected.get("package") or {}
                    if package.get("ecosystem") == "PyPI":
                        self.by_name[canonicalize_name(package["name"])].append((record, affected))
        self._validator = None
        self._memo: dict[tuple[str, str], list[dict]] = {}

    def valid(self, record: dict) -> bool:
        if self._validator is None:
            from jsonschema import Draft202012Validator

            self._validator = Draft202012Validator(json.loads(SCHEMA.read_text()))
        return self._validator.is_valid(record)

    def records(self, name: str, version: str) -> list[dict]:
        """Every valid, non-withdrawn record affecting this exact release."""
        key = (canonicalize_name(name), version)
        if key not in self._memo:
            self._memo[key] = self._records(name, version)
        return self._memo[key]

    def _records(self, name: str, version: str) -> list[dict]:
        wanted = Version(version)
        found = {}
        for record, affected in self.by_name.get(canonicalize_name(name), []):
            listed = any(_v(v) == wanted for v in affected.get("versions") or [])
            ranged = any(
                in_intervals(wanted, intervals(r.get("events") or []))
                for r in affected.get("ranges") or []
                if r.get("type") == "ECOSYSTEM"
            )
            if (listed or ranged) and self.valid(record):
                found[record["id"]] = record
        return list(found.values())

    def fix_for(self, record: dict, name: str, version: str) -> Version | None:
        current = Version(version)
        fixes = [
            _v(event["fixed"])
            for affected in record.get("affected") or []
            if canonicalize_name((affected.get("package") or {}).get("name", "")) == canonicalize_name(name)
            for r in affected.get("ranges") or []
            if r.get("type") == "ECOSYSTEM"
            for event in r.get("events") or []
            if "fixed" in event
        ]
        above = [f for f in fixes if f is not None and f > current]
        return min(above) if above else None

    def audit(self, name: str, version: str) -> dict[frozenset[str], str | None]:
        """Flaw (the set of advisory ids merged through aliases) -> smallest version fixing it."""
        records = self.records(name, version)
        groups: list[tuple[set[str], set[str], list[dict]]] = []  # (ids, every name, records)
        for record in records:
            names = {record["id"], *(record.get("aliases") or [])}
            linked = [g for g in groups if g[1] & names]
            merged = ({record["id"]}, set(names), [record])
            for group in linked:
                groups.remove(group)
                merged[0].update(group[0])
                merged[1].update(group[1])
                merged[2].extend(group[2])
            groups.append(merged)
        result = {}
        for ids, _, members in groups:
            fixes = [f for f in (self.fix_for(r, name, version) for r in members) if f is not None]
            result[frozenset(ids)] = str(max(fixes)) if fixes else None
        return result
