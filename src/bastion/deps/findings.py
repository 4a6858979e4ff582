"""Audit results into findings (BST601-604) and the JSON-compatible dependency table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bastion.deps import rules
from bastion.deps.audit import Result
from bastion.deps.model import Manifest, Vulnerability
from bastion.model import Confidence, Finding, Location, Severity

UNKNOWN_SEVERITY = Severity.MEDIUM


def _severity(vulnerabilities: Iterable[Vulnerability]) -> Severity:
    levels = [v.severity if v.severity is not None else UNKNOWN_SEVERITY for v in vulnerabilities]
    return max(levels, default=UNKNOWN_SEVERITY)


def _describe(vulnerability: Vulnerability) -> str:
    others = [i for i in vulnerability.ids if i != vulnerability.id] + list(vulnerability.aliases)
    label = vulnerability.id + (f" ({', '.join(others)})" if others else "")
    severity = vulnerability.severity.label if vulnerability.severity is not None else "unknown severity"
    fix = f"fixed in {vulnerability.fix}" if vulnerability.fix else "no fix released"
    summary = " ".join(vulnerability.summary.split())[:120]
    return f"{label} [{severity}; {fix}]" + (f": {summary}" if summary else "")


def _location(result: Result, lines: dict[str, list[str]]) -> tuple[Location, str]:
    dependency = result.dependency
    text = lines.get(dependency.source, [])
    line = dependency.line or 1
    snippet = text[line - 1] if 0 < line <= len(text) else dependency.text
    column, end = _span(snippet, dependency.text, dependency.name)
    return Location(dependency.source, line, column, line, end), snippet.strip()


def _span(line: str, text: str, name: str) -> tuple[int, int | None]:
    """Where on its line the requirement is written (several can share a line in TOML arrays)."""
    for needle in (text, name):
        index = line.find(needle) if needle else -1
        if index < 0 and needle:
            index = line.lower().find(needle.lower())
        if index >= 0:
            return index, index + len(needle)
    return 0, len(line) or None


def _not_applicable(result: Result, targets: Sequence[str]) -> str:
    return f" These cannot apply: the marker `{result.dependency.marker}` excludes every targeted Python ({', '.join(targets)})."


def vulnerable_finding(result: Result, manifest: Manifest, lines: dict[str, list[str]], targets: Sequence[str]) -> Finding:
    dependency, vulnerabilities = result.dependency, result.vulnerabilities
    location, snippet = _location(result, lines)
    count = len(vulnerabilities)
    listed = "; ".join(_describe(v) for v in vulnerabilities[:5]) + (f"; and {count - 5} more" if count > 5 else "")
    fix = result.fix
    if fix and manifest.lock_tool:
        advice = f" Upgrade to {fix} or later (`{lock_command(manifest.lock_tool, dependency.name)}`)."
    elif fix:
        advice = f" Upgrade to {fix} or later."
    else:
        advice = " No release fixes all of them; consider replacing or mitigating."
    message = f"{dependency.name} {dependency.version} has {count} known vulnerabilit{'y' if count == 1 else 'ies'}: {listed}.{advice}"
    severity = _severity(vulnerabilities)
    if not result.applicable:
        message += _not_applicable(result, targets)
        severity = Severity.INFO
    return Finding(
        rules.VULNERABLE_DEPENDENCY, message, location, snippet=snippet, severity=severity,
        context=",".join(v.id for v in vulnerabilities),
        properties=_properties(result, fix),
    )


def range_finding(result: Result, lines: dict[str, list[str]], targets: Sequence[str]) -> Finding:
    dependency, vulnerabilities = result.dependency, result.vulnerabilities
    location, snippet = _location(result, lines)
    count = len(vulnerabilities)
    listed = ", ".join(v.id for v in vulnerabilities[:8]) + (f" and {count - 8} more" if count > 8 else "")
    spec = dependency.specifier or "any version"
    if result.floor and not result.unfixed:
        advice = f" Require {dependency.name}>={result.floor} to exclude them."
    elif result.floor:
        advice = f" Require {dependency.name}>={result.floor} to exclude those with fixes; {', '.join(result.unfixed)} have none."
    else:
        advice = " No release fixes them."
    message = f"{dependency.name} {spec} admits versions with {count} known vulnerabilit{'y' if count == 1 else 'ies'} ({listed}).{advice}"
    severity = _severity(vulnerabilities)
    if not result.applicable:
        message += _not_applicable(result, targets)
        severity = Severity.INFO
    return Finding(
        rules.VULNERABLE_RANGE, message, location, snippet=snippet, severity=severity, confidence=Confidence.LOW,
        context=",".join(v.id for v in vulnerabilities), properties=_properties(result, result.floor),
    )


def unpinned_finding(result: Result, lines: dict[str, list[str]]) -> Finding:
    dependency = result.dependency
    location, snippet = _location(result, lines)
    spec = f"`{dependency.specifier}`" if dependency.specifier else "no version constraint"
    message = f"{dependency.name} is not pinned ({spec}) and no lock file pins it: the version installed changes over time."
    return Finding(rules.UNPINNED_DEPENDENCY, message, location, snippet=snippet)


def unauditable_finding(result: Result, lines: dict[str, list[str]]) -> Finding:
    dependency = result.dependency
    location, snippet = _location(result, lines)
    how = "an editable install of " if dependency.editable else ""
    message = f"{dependency.name} is {how}`{dependency.reference}`, not a release from an index: no advisory database can audit it."
    return Finding(rules.UNAUDITABLE_DEPENDENCY, message, location, snippet=snippet)


def _properties(result: Result, fix: str | None) -> tuple[tuple[str, str], ...]:
    vulnerabilities = result.vulnerabilities
    items = [
        ("package", result.dependency.key),
        ("version", result.dependency.version or result.dependency.specifier),
        ("advisories", ",".join(i for v in vulnerabilities for i in v.ids)),
        ("aliases", ",".join(a for v in vulnerabilities for a in v.aliases)),
        ("applicable", "yes" if result.applicable else "no"),
    ]
    if fix:
        items.append(("fix", fix))
    return tuple(items)


def lock_command(tool: str, name: str) -> str:
    return {
        "uv": f"uv lock --upgrade-package {name}",
        "poetry": f"poetry update {name}",
        "pipenv": f"pipenv update {name}",
        "pdm": f"pdm update {name}",
    }[tool]


def table_row(result: Result, manifest: Manifest) -> dict[str, Any]:
    dependency = result.dependency
    return {
        "manifest": dependency.source,
        "line": dependency.line,
        "kind": manifest.kind,
        "name": dependency.name,
        "version": dependency.version,
        "specifier": dependency.specifier,
        "group": dependency.group,
        "marker": dependency.marker,
        "reference": dependency.reference,
        "status": result.status,
        "applicable": result.applicable,
        "severity": _severity(result.vulnerabilities).label if result.vulnerabilities else None,
        "vulnerabilities": [v.id for v in result.vulnerabilities],
        "aliases": [a for v in result.vulnerabilities for a in (*v.ids[1:], *v.aliases) if a != v.id],
        "fix": result.fix if result.status == "vulnerable" else result.floor,
    }
