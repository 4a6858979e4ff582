"""Targets against the release table: end of life, end of life soon, vulnerable patch levels,
ranges admitting end-of-life versions and floating image tags. Plain values in, findings out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from packaging.version import Version

from bastion.interpreter import rules
from bastion.interpreter.model import Role, Target
from bastion.interpreter.releases import Advisory, Branch, ReleaseTable, minor_key
from bastion.interpreter.targets import admitted_minors
from bastion.interpreter.versions import PythonVersion
from bastion.model import Confidence, Finding, Location

DISTRIBUTION_PREFIXES = ("/usr/bin/", "/usr/lib/", "/usr/libexec/", "/bin/")


@dataclass(frozen=True, slots=True)
class Settings:
    today: date
    warning_months: int = 6


def check(targets: Iterable[Target], table: ReleaseTable, settings: Settings) -> list[Finding]:
    findings: list[Finding] = []
    for group in _by_location(targets):
        first = group[0]
        if first.role is Role.REQUIRES:
            findings += _requires(first, table, settings)
            continue
        if any(t.floating for t in group):
            findings.append(_finding(rules.FLOATING_IMAGE_TAG, first, _floating_message(first)))
        findings += _lifecycle(group, table, settings)
        if first.role is Role.RUNS:
            findings += _patch_levels(group, table, settings.today)
    return findings


def _by_location(targets: Iterable[Target]) -> list[list[Target]]:
    """Targets written at the same place (`py{38,39}` in a tox envlist) make one finding."""
    groups: dict[tuple, list[Target]] = {}
    for target in targets:
        groups.setdefault((target.path, target.line, target.column, target.role), []).append(target)
    return list(groups.values())


# -- end of life -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Status:
    version: PythonVersion
    branch: Branch | None  # None: older than the table
    end_of_life: bool


def _status(version: PythonVersion, table: ReleaseTable, today: date) -> _Status | None:
    if not version.is_cpython or version.branch is None:
        return None
    branch = table.branch(version.branch)
    if branch is not None:
        return _Status(version, branch, branch.is_end_of_life(today))
    if minor_key(version.branch) < table.newest.key:  # 2.6, 3.0 to 3.3: left out of the table, long dead
        return _Status(version, None, True)
    return None  # newer than the table knows


def _lifecycle(group: Sequence[Target], table: ReleaseTable, settings: Settings) -> list[Finding]:
    statuses = [s for t in group if t.version and (s := _status(t.version, table, settings.today))]
    first = group[0]
    dead = _unique([s for s in statuses if s.end_of_life])
    if dead:
        rule = rules.END_OF_LIFE_RUNTIME if first.role is Role.RUNS else rules.END_OF_LIFE_SUPPORTED
        return [_finding(rule, first, _eol_message(first, dead, table, settings.today))]
    horizon = _add_months(settings.today, settings.warning_months)
    soon = _unique([s for s in statuses if s.branch and s.branch.end_of_life.value <= horizon])
    if soon:
        return [_finding(rules.END_OF_LIFE_SOON, first, _soon_message(first, soon, settings.today))]
    return []


def _unique(statuses: list[_Status]) -> list[_Status]:
    seen: dict[str | None, _Status] = {}
    for status in statuses:
        seen.setdefault(status.version.branch, status)
    return sorted(seen.values(), key=lambda s: minor_key(s.version.branch or "0.0"))


def _eol_message(target: Target, dead: list[_Status], table: ReleaseTable, today: date) -> str:
    parts = [_since(status, table, today) for status in dead]
    what = _describe(target)
    if target.role is Role.RUNS:
        tail = " and gets no security fixes"
        if target.source.endswith("FROM") or target.source.endswith("image"):
            tail += "; the image is no longer rebuilt"
        return f"{what} runs on {_join(parts)}{tail}"
    return f"{what} targets {_join(parts)}"


def _since(status: _Status, table: ReleaseTable, today: date) -> str:
    if status.branch is None:
        earliest = min(branch.end_of_life.value for branch in table.branches.values())
        return f"Python {status.version.branch}, end of life before {earliest.isoformat()}"
    eol = status.branch.end_of_life
    return f"Python {status.version.branch}, end of life since {eol.label} ({_age(eol.value, today)} ago)"


def _soon_message(target: Target, soon: list[_Status], today: date) -> str:
    parts = [f"Python {s.version.branch} reaches end of life in {s.branch.end_of_life.label} "
             f"(in {_age(today, s.branch.end_of_life.value)})" for s in soon if s.branch]
    return f"{_describe(target)}: {_join(parts)}"


def _describe(target: Target) -> str:
    if target.path.startswith("<"):
        return f"this interpreter ({target.text})"
    if target.source == "tox env":
        return f"tox environment '{target.text}'" if len(target.text) < 60 else "the tox environments"
    if target.source == "classifier":
        return f"the classifier '{target.text}'"
    return f"{target.source} '{target.text}'"


def _floating_message(target: Target) -> str:
    return (f"'{target.text}' names no Python version: each build can get a different minor release; "
            "pin the minor version (python:3.13-slim) or a digest")


# -- patch levels ----------------------------------------------------------------------------------


def _patch_levels(group: Sequence[Target], table: ReleaseTable, today: date) -> list[Finding]:
    findings = []
    for target in group:
        exact = target.version.exact if target.version and target.version.is_cpython else None
        branch = table.branch(target.version.branch or "") if target.version else None
        if exact is None or branch is None:
            continue
        missing = [(advisory, fix) for advisory, fix in table.fixed_later(exact) if _applies(advisory, target)]
        if not missing:
            continue
        upgrade = branch.latest if branch.latest is not None else max(fix for _, fix in missing)
        message = _patch_message(target, exact, missing, table) + _upgrade_advice(branch, upgrade, table, today)
        confidence = Confidence.MEDIUM if _distribution_build(target) else None
        properties = (("cves", ",".join(a.id for a, _ in missing)), ("upgrade_to", str(upgrade)))
        findings.append(_finding(rules.VULNERABLE_PATCH_LEVEL, target, message, confidence, properties))
    return findings


def _applies(advisory: Advisory, target: Target) -> bool:
    """Platform-specific advisories count where the platform is that one, or unknown."""
    return not advisory.platforms or target.os is None or target.os in advisory.platforms


def _upgrade_advice(branch: Branch, upgrade: Version, table: ReleaseTable, today: date) -> str:
    if not branch.is_end_of_life(today):
        return f"; upgrade to {upgrade} or later"
    advice = f"; {branch.minor} is end of life: {upgrade} is its last release"
    never = [advisory.id for advisory in table.advisories if branch.minor in advisory.unfixed]
    if never:
        advice += f", and {', '.join(never)} {'were' if len(never) > 1 else 'was'} never fixed in it"
    return advice


def _patch_message(target: Target, exact: Version, missing, table: ReleaseTable) -> str:
    by_fix: dict[Version, list[str]] = {}
    for advisory, fix in missing:
        label = advisory.id + (f" ({'/'.join(advisory.platforms)} only)" if advisory.platforms else "")
        by_fix.setdefault(fix, []).append(label)
    listed = "; ".join(f"{', '.join(sorted(ids, key=_cve_key))} fixed in {fix}" for fix, ids in sorted(by_fix.items()))
    where = "this interpreter" if target.path.startswith("<") else f"{target.source} '{target.text}'"
    return (f"Python {exact} ({where}) misses {len(missing)} CVE fix{'es' if len(missing) != 1 else ''} "
            f"from later {exact.major}.{exact.minor} releases (release table of {table.as_of.isoformat()}): {listed}")


def _cve_key(label: str) -> tuple:
    parts = label.split()[0].split("-")
    return tuple(int(p) if p.isdigit() else p for p in parts)


def _distribution_build(target: Target) -> bool:
    """Interpreters installed by the OS carry backported fixes their version number does not show."""
    return target.path.startswith("<") and target.path.strip("<>").partition(" ")[2].startswith(DISTRIBUTION_PREFIXES)


# -- requires-python -------------------------------------------------------------------------------


def _requires(target: Target, table: ReleaseTable, settings: Settings) -> list[Finding]:
    if not target.specifier:
        return []
    known = sorted(table.branches, key=minor_key)
    admitted = admitted_minors(target.specifier, known)
    dead = [m for m in admitted if table.branches[m].is_end_of_life(settings.today)]
    if not dead:
        return []
    alive = [m for m in admitted if m not in dead]
    scope = "only end-of-life versions" if not alive else "end-of-life versions"
    listed = [f"{m} (since {table.branches[m].end_of_life.label})" for m in dead]
    message = f"{target.source} '{target.text}' admits {scope}: Python {_join(listed)}"
    if alive:
        message += f"; a floor of '>={alive[0]}' admits only maintained versions"
    return [_finding(rules.REQUIRES_PYTHON_ADMITS_EOL, target, message)]


# -- helpers ---------------------------------------------------------------------------------------


def _finding(rule, target: Target, message: str, confidence: Confidence | None = None,
             properties: tuple[tuple[str, str], ...] = ()) -> Finding:
    location = Location(target.path, max(target.line, 1), max(target.column, 0), max(target.line, 1), target.end_column)
    return Finding(rule=rule, message=message, location=location, snippet=target.snippet,
                   confidence=confidence, properties=properties)


def _join(parts: Sequence[str]) -> str:
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _add_months(day: date, months: int) -> date:
    import calendar

    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _age(start: date, end: date) -> str:
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    if months >= 24:
        return f"{months // 12} years"
    if months >= 1:
        return f"{months} month{'s' if months != 1 else ''}"
    days = (end - start).days
    return f"{days} day{'s' if days != 1 else ''}"
