"""The audit: dependencies plus an advisory service into per-dependency results.

Pinned and locked dependencies are looked up exactly; ranges are checked, with the local database
only, for advisories they admit and the lowest version floor that excludes those advisories.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from bastion.deps.advisories import AdvisoryService
from bastion.deps.advisories.database import AdvisoryDatabase
from bastion.deps.matching import Affected, parse_version, smallest_fix_above
from bastion.deps.model import Advisory, Dependency, Vulnerability
from bastion.deps.targets import marker_applies

ID_PREFERENCE = ("PYSEC-", "GHSA-", "CVE-")


@dataclass(frozen=True, slots=True)
class Result:
    dependency: Dependency
    status: str  # "vulnerable", "ok", "range", "unpinned", "unauditable", "invalid-version"
    vulnerabilities: tuple[Vulnerability, ...] = ()
    applicable: bool = True  # False: the marker excludes every targeted Python
    floor: str | None = None  # for ranges: the lowest version excluding every admitted advisory
    unfixed: tuple[str, ...] = field(default=())  # admitted advisories with no fixed release
    fix: str | None = None  # the smallest version above the pin with no known vulnerability


def _preferred(ids: Iterable[str]) -> str:
    def rank(identifier: str) -> tuple[int, str]:
        return (next((i for i, p in enumerate(ID_PREFERENCE) if identifier.startswith(p)), len(ID_PREFERENCE)), identifier)

    return min(ids, key=rank)


def merge_aliases(advisories: Sequence[Advisory], current: Version | None) -> list[Vulnerability]:
    """One `Vulnerability` per flaw: advisories linked through ids or aliases are merged."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for advisory in advisories:
        for alias in advisory.aliases:
            parent[find(alias)] = find(advisory.id)
    groups: dict[str, list[Advisory]] = {}
    for advisory in advisories:
        groups.setdefault(find(advisory.id), []).append(advisory)
    return sorted((_merge(group, current) for group in groups.values()), key=lambda v: v.id)


def _smallest_fix(advisory: Advisory, current: Version | None) -> Version | None:
    above = [v for v in map(parse_version, advisory.fixed) if v is not None and (current is None or v > current)]
    return min(above) if above else None


def _merge(group: list[Advisory], current: Version | None) -> Vulnerability:
    if len(group) == 1:  # the common case, kept cheap
        advisory = group[0]
        fix = _smallest_fix(advisory, current)
        return Vulnerability(
            advisory.id, (advisory.id,), tuple(sorted(set(advisory.aliases))), advisory.summary or advisory.details[:160],
            advisory.severity, advisory.score, str(fix) if fix else None, advisory.details, advisory.vectors, advisory.references,
        )
    ids = sorted({a.id for a in group})
    aliases = sorted({alias for a in group for alias in a.aliases} - set(ids))
    primary = _preferred(ids)
    by_summary = sorted(group, key=lambda a: (not a.summary, a.id != primary))
    scored = [a for a in group if a.severity is not None]
    best = max(scored, key=lambda a: (a.severity, a.score or 0)) if scored else None
    fixes = [fix for fix in (_smallest_fix(a, current) for a in group) if fix is not None]
    return Vulnerability(
        id=primary, ids=tuple(ids), aliases=tuple(aliases), summary=by_summary[0].summary or by_summary[0].details[:160],
        severity=best.severity if best else None, score=best.score if best else None,
        fix=str(max(fixes)) if fixes else None, details=by_summary[0].details,
        vectors=tuple(v for a in group for v in a.vectors), references=tuple(dict.fromkeys(r for a in group for r in a.references)),
    )


def _first_fix(vulnerabilities: Sequence[Vulnerability]) -> Version | None:
    """The version fixing every one of them (None when one has no fix)."""
    fixes = [parse_version(v.fix) if v.fix else None for v in vulnerabilities]
    if not fixes or any(f is None for f in fixes):
        return None
    return max(f for f in fixes if f is not None)


def safe_versions(service: AdvisoryService, starts: set[tuple[str, Version]]) -> dict[tuple[str, Version], str | None]:
    """From each (package, first fix), step to the next fix while that version is itself affected
    (moving up can land on releases with later advisories); None when a step has no fix."""
    result: dict[tuple[str, Version], str | None] = {}
    pending = {start: start[1] for start in starts}
    for _ in range(8):
        if not pending:
            break
        found = service.lookup(sorted({(name, str(version)) for (name, _), version in pending.items()}))
        following = {}
        for key, version in pending.items():
            advisories = found.get((key[0], str(version)), [])
            upper = _first_fix(merge_aliases(advisories, version)) if advisories else version
            if upper == version:
                result[key] = str(version)
            elif upper is None or upper < version:
                result[key] = None
            else:
                following[key] = upper
        pending = following
    result.update(dict.fromkeys(pending))
    return result


def _with_safe_fixes(results: list[Result], service: AdvisoryService) -> list[Result]:
    from dataclasses import replace

    firsts = {id(r): _first_fix(r.vulnerabilities) for r in results if r.status == "vulnerable"}
    starts = {(r.dependency.key, firsts[id(r)]) for r in results if firsts.get(id(r)) is not None}
    safe = safe_versions(service, starts) if starts else {}
    return [
        replace(r, fix=safe.get((r.dependency.key, firsts[id(r)]))) if firsts.get(id(r)) is not None else r
        for r in results
    ]


def audit(dependencies: Sequence[Dependency], service: AdvisoryService | None, targets: tuple[str, ...] = ()) -> list[Result]:
    """A result per dependency, in order."""
    exact = sorted({(d.key, d.version) for d in dependencies if d.version and d.reference is None and parse_version(d.version)})
    found = service.lookup(exact) if service is not None and exact else {}
    ranges = [d for d in dependencies if d.version is None and d.reference is None]
    admitted = admitted_by_ranges(ranges, service) if isinstance(service, AdvisoryDatabase) else {}
    results = []
    for dependency in dependencies:
        applicable = marker_applies(dependency.marker, targets)
        if dependency.reference is not None:
            results.append(Result(dependency, "unauditable", applicable=applicable))
        elif dependency.version is not None:
            version = parse_version(dependency.version)
            if version is None:
                results.append(Result(dependency, "invalid-version", applicable=applicable))
                continue
            vulnerabilities = merge_aliases(found.get((dependency.key, dependency.version), []), version)
            results.append(Result(dependency, "vulnerable" if vulnerabilities else "ok", tuple(vulnerabilities), applicable))
        else:
            vulnerabilities, floor, unfixed = admitted.get(id(dependency), ((), None, ()))
            results.append(Result(dependency, "range" if vulnerabilities else "unpinned", tuple(vulnerabilities), applicable, floor, unfixed))
    return _with_safe_fixes(results, service) if service is not None else results


# -- ranges ---------------------------------------------------------------------------------------


def _specifier_sets(dependency: Dependency) -> list[SpecifierSet] | None:
    try:
        return [SpecifierSet(part.strip()) for part in (dependency.specifier or "").split("||")]
    except InvalidSpecifier:
        return None


def _candidates(entry: Affected, specifiers: list[SpecifierSet]) -> list[Version]:
    """Versions that could be installed and are worth testing: the listed ones, range boundaries and
    the specifier's own versions (a range with no version list is still caught at its bounds)."""
    texts = set(entry.versions)
    texts.update(value for events in entry.ranges for kind, value in events if kind in {"introduced", "last_affected"})
    texts.update(s.version for spec in specifiers for s in spec if not s.version.endswith(".*"))
    versions = (parse_version(t) for t in texts)
    return [v for v in versions if v is not None]


def admitted_by_ranges(
    dependencies: Sequence[Dependency], database: AdvisoryDatabase
) -> dict[int, tuple[list[Vulnerability], str | None, tuple[str, ...]]]:
    """For each range dependency: the advisories its specifier admits, the floor, unfixed ids."""
    entries = database.entries(d.key for d in dependencies)
    result = {}
    for dependency in dependencies:
        specifiers = _specifier_sets(dependency)
        if specifiers is None:
            continue
        hits: dict[str, Version] = {}  # advisory -> highest admitted affected version
        for entry in entries[dependency.key]:
            for candidate in _candidates(entry, specifiers):
                admitted = any(spec.contains(candidate) for spec in specifiers) and entry.affects(candidate)
                if admitted and (entry.advisory_id not in hits or candidate > hits[entry.advisory_id]):
                    hits[entry.advisory_id] = candidate
        if not hits:
            continue
        details = database.advisories(hits)
        advisories, floors, unfixed = [], [], []
        for advisory_id, highest in hits.items():
            fix = smallest_fix_above(highest, [e for e in entries[dependency.key] if e.advisory_id == advisory_id])
            if advisory_id in details:
                fixed = (str(fix),) if fix else ()
                advisories.append(details[advisory_id].with_fixed(fixed))
            if fix is None:
                unfixed.append(advisory_id)
            else:
                floors.append(fix)
        vulnerabilities = merge_aliases(advisories, None)
        result[id(dependency)] = (vulnerabilities, str(max(floors)) if floors else None, tuple(sorted(unfixed)))
    return result
