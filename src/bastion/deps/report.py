"""Output of `bastion deps`: a table on the terminal, or JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from bastion.deps.run import Outcome
from bastion.model import Finding


def print_text(outcome: Outcome, findings: Sequence[Finding], service) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    vulnerable = [(m, r) for m, results in outcome.results for r in results if r.vulnerabilities]
    if vulnerable:
        table = Table(title="Known vulnerabilities", show_lines=False)
        for column in ("package", "version", "advisories", "severity", "fix", "where"):
            table.add_column(column)
        for _, result in vulnerable:
            dependency = result.dependency
            for v in result.vulnerabilities:
                aliases = ", ".join([i for i in v.ids if i != v.id] + list(v.aliases))
                table.add_row(
                    dependency.name, dependency.version or dependency.specifier or "*",
                    v.id + (f" ({aliases})" if aliases else "") + ("" if result.applicable else " [cannot apply]"),
                    v.severity.label if v.severity is not None else "unknown", v.fix or "-",
                    f"{dependency.source}:{dependency.line}" if dependency.line else dependency.source,
                )
        console.print(table)
    others = [f for f in findings if f.rule.code not in {"BST601"}]
    for finding in others:
        location = finding.location
        console.print(f"{location.path}:{location.line}: {finding.rule.code} [{finding.rule.name}] {finding.message}", markup=False, highlight=False)
    for diagnostic in outcome.diagnostics:
        where = f"{diagnostic.path}:{diagnostic.line}" if diagnostic.line else diagnostic.path
        print(f"bastion: {where}: {diagnostic.message}", file=sys.stderr)
    for name, version in getattr(service, "missing", []):
        print(f"bastion: {name} {version}: no such release on the service; not audited", file=sys.stderr)
    audited = sum(1 for _, results in outcome.results for r in results if r.status in {"ok", "vulnerable"})
    count = sum(len(r.vulnerabilities) for _, r in vulnerable if r.status == "vulnerable")
    packages = sum(1 for _, r in vulnerable if r.status == "vulnerable")
    console.print(
        f"{audited} pinned dependencies audited ({service.name}): {count} known vulnerabilities in {packages} packages",
        highlight=False,
    )


def print_json(outcome: Outcome, findings: Sequence[Finding], service_name: str) -> None:
    data = {
        "service": service_name,
        "targets": list(outcome.targets),
        "dependencies": outcome.table(),
        "findings": [_finding(f) for f in findings],
        "diagnostics": [{"path": d.path, "line": d.line, "message": d.message} for d in outcome.diagnostics],
    }
    json.dump(data, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _finding(finding: Finding) -> dict:
    location = finding.location
    return {
        "code": finding.rule.code,
        "name": finding.rule.name,
        "severity": finding.effective_severity.label,
        "confidence": finding.effective_confidence.label,
        "message": finding.message,
        "location": {"path": location.path, "line": location.line, "column": location.column},
        "properties": dict(finding.properties),
    }
