"""OSV records into the values the audit uses: an `Advisory` and its `affected[]` entries per package."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from packaging.utils import canonicalize_name

from bastion.deps.cvss import base_score, severity_for_label, severity_for_score
from bastion.deps.matching import Affected, ecosystem_ranges
from bastion.deps.model import Advisory
from bastion.model import Severity

MAX_DETAILS = 4000


@dataclass(frozen=True, slots=True)
class PackageEntry:
    name: str  # canonical
    affected: Affected


def is_pypi(package: Any) -> bool:
    return isinstance(package, dict) and str(package.get("ecosystem", "")).split(":", 1)[0] == "PyPI"


def score_and_severity(record: dict[str, Any]) -> tuple[float | None, Severity | None, tuple[str, ...]]:
    """CVSS v4 when scorable, else v3 (both computed), else the database's own severity label."""
    vectors: list[tuple[str, str]] = []
    for entry in [*(record.get("severity") or []), *(s for a in record.get("affected") or [] if isinstance(a, dict) for s in a.get("severity") or [])]:
        if isinstance(entry, dict) and isinstance(entry.get("score"), str):
            vectors.append((str(entry.get("type", "")), entry["score"]))
    scores = {kind: base_score(kind, vector) for kind, vector in vectors}
    for kind in ("CVSS_V4", "CVSS_V3"):
        if scores.get(kind) is not None:
            score = scores[kind]
            return score, severity_for_score(score), tuple(v for _, v in vectors)
    label = (record.get("database_specific") or {}).get("severity") if isinstance(record.get("database_specific"), dict) else None
    return None, severity_for_label(label), tuple(v for _, v in vectors)


def references(record: dict[str, Any]) -> tuple[str, ...]:
    urls = [r.get("url") for r in record.get("references") or [] if isinstance(r, dict)]
    return tuple(u for u in urls if isinstance(u, str))[:20]


def package_entries(record: dict[str, Any]) -> list[PackageEntry]:
    entries = []
    for affected in record.get("affected") or []:
        if not isinstance(affected, dict) or not is_pypi(affected.get("package")):
            continue
        name = affected["package"].get("name")
        if not isinstance(name, str) or not name:
            continue
        versions = [v for v in affected.get("versions") or [] if isinstance(v, str)]
        ranges = ecosystem_ranges(affected.get("ranges"))
        entries.append(PackageEntry(canonicalize_name(name), Affected.of(record["id"], ranges, versions)))
    return entries


def advisory_for_package(record: dict[str, Any], name: str) -> Advisory:
    """The record as an `Advisory` about one package (canonical name): its fixed versions for it."""
    score, severity, vectors = score_and_severity(record)
    fixed = [
        value
        for entry in package_entries(record)
        if entry.name == name
        for events in entry.affected.ranges
        for kind, value in events
        if kind == "fixed"
    ]
    aliases = tuple(a for a in record.get("aliases") or [] if isinstance(a, str) and a != record.get("id"))
    return Advisory(
        str(record.get("id")), aliases, str(record.get("summary") or ""), str(record.get("details") or "")[:MAX_DETAILS],
        severity, score, vectors, tuple(dict.fromkeys(fixed)), str(record.get("published", "")),
        str(record.get("modified", "")), references(record),
    )
