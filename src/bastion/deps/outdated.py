"""`--outdated`: pins behind their latest release on PyPI (BST605)."""

from __future__ import annotations

from bastion.deps import rules
from bastion.deps.findings import _location
from bastion.deps.matching import parse_version
from bastion.deps.run import Outcome
from bastion.model import Finding


def outdated_findings(outcome: Outcome, service) -> list[Finding]:
    pinned = [(m, r) for m, results in outcome.results for r in results if r.dependency.version and r.dependency.reference is None]
    latest = service.latest(sorted({r.dependency.key for _, r in pinned}))
    lines: dict[str, list[str]] = {}
    found = []
    for manifest, result in pinned:
        dependency = result.dependency
        newest, current = latest.get(dependency.key), parse_version(dependency.version or "")
        newest_version = parse_version(newest) if newest else None
        if newest_version is None or current is None or newest_version <= current:
            continue
        if manifest.display not in lines:
            try:
                with open(manifest.path, encoding="utf-8-sig", errors="replace") as handle:
                    lines[manifest.display] = handle.read().splitlines()
            except OSError:
                lines[manifest.display] = []
        location, snippet = _location(result, lines)
        message = f"{dependency.name} {dependency.version} is behind the latest release, {newest}."
        found.append(Finding(rules.OUTDATED_DEPENDENCY, message, location, snippet=snippet, properties=(("latest", newest),)))
    return found
