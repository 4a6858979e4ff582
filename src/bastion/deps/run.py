"""One audit of a set of manifests: parse results into findings, diagnostics and the table."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bastion.deps import findings as make
from bastion.deps.advisories import AdvisoryService
from bastion.deps.audit import Result, audit
from bastion.deps.model import Manifest
from bastion.deps.targets import project_targets
from bastion.model import Diagnostic, Finding

LOCK_KINDS = {"poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "pylock.toml"}


@dataclass(slots=True)
class Outcome:
    manifests: list[Manifest]
    results: list[tuple[Manifest, list[Result]]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    targets: tuple[str, ...] = ()

    def table(self) -> list[dict[str, Any]]:
        return [make.table_row(result, manifest) for manifest, results in self.results for result in results]


def _locked_directories(manifests: Sequence[Manifest]) -> set[str]:
    return {os.path.dirname(m.path) for m in manifests if m.kind in LOCK_KINDS}


def is_application_manifest(manifest: Manifest, locked: set[str]) -> bool:
    """Pins are expected where an application declares what it installs and nothing else pins it."""
    if os.path.dirname(manifest.path) in locked:
        return False
    name = os.path.basename(manifest.path).lower()
    return (manifest.kind == "requirements" and name.endswith(".txt")) or manifest.kind == "Pipfile"


def _without_ignored(result: Result, ignored: Collection[str]) -> Result:
    if not ignored or not result.vulnerabilities:
        return result
    kept = tuple(v for v in result.vulnerabilities if not (v.every_id & set(ignored)))
    if len(kept) == len(result.vulnerabilities):
        return result
    status = result.status if kept else ("ok" if result.status == "vulnerable" else "unpinned")
    return replace(result, vulnerabilities=kept, status=status)


def run(
    manifests: list[Manifest],
    service: AdvisoryService | None,
    root: Path | None,
    *,
    report_unpinned: bool = True,
    ignored: Collection[str] = (),
) -> Outcome:
    outcome = Outcome(manifests)
    outcome.targets = project_targets(root, [m.requires_python for m in manifests])
    locked = _locked_directories(manifests)
    everything = [d for m in manifests for d in m.dependencies]
    results = iter(audit(everything, service, outcome.targets))
    lines_cache: dict[str, list[str]] = {}
    for manifest in manifests:
        outcome.diagnostics.extend(manifest.diagnostics)
        mine = [_without_ignored(next(results), ignored) for _ in manifest.dependencies]
        outcome.results.append((manifest, mine))
        lines = _lines(manifest, lines_cache)
        application = is_application_manifest(manifest, locked)
        for result in mine:
            outcome.findings.extend(_findings(result, manifest, lines, outcome.targets, application and report_unpinned))
    return outcome


def _findings(result: Result, manifest: Manifest, lines: dict[str, list[str]], targets: tuple[str, ...], unpinned: bool) -> list[Finding]:
    found = []
    if result.status == "vulnerable":
        found.append(make.vulnerable_finding(result, manifest, lines, targets))
    elif result.status == "range":
        found.append(make.range_finding(result, lines, targets))
    elif result.status == "unauditable":
        found.append(make.unauditable_finding(result, lines))
    if result.status in {"range", "unpinned"} and unpinned and result.dependency.group != "constraints":
        found.append(make.unpinned_finding(result, lines))
    return found


def _lines(manifest: Manifest, cache: dict[str, list[str]]) -> dict[str, list[str]]:
    if manifest.display not in cache:
        try:
            with open(manifest.path, encoding="utf-8-sig", errors="replace") as handle:
                cache[manifest.display] = handle.read(20_000_000).splitlines()
        except OSError:
            cache[manifest.display] = []
    return cache
