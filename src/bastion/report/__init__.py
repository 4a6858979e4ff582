"""Formatters: one module per format, each exposing `render(report: Report) -> str`.

`FORMATS` maps a format name to the module that renders it, imported only when used so the CLI
stays fast to start.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bastion.model import Diagnostic, Finding, Practice, RuleInfo, Severity

FORMATS = {
    "text": "bastion.report.text",
    "json": "bastion.report.json_format",
    "sarif": "bastion.report.sarif",
    "html": "bastion.report.html",
    "junit": "bastion.report.junit",
    "gitlab": "bastion.report.gitlab",
    "github": "bastion.report.github",
    "markdown": "bastion.report.markdown",
    "openmetrics": "bastion.report.openmetrics",
}


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    diagnostics: list[Diagnostic]
    rules: list[RuleInfo]  # every enabled rule, for SARIF's rule table and documentation
    root: Path
    files_scanned: int = 0
    duration: float = 0.0
    tool_version: str = ""
    suppressed: int = 0
    extras: dict[str, Any] = field(default_factory=dict)  # route inventory, dependencies, interpreters
    fail_on: Severity | None = Severity.LOW
    baselined: int = 0  # findings hidden because the baseline records them
    fixed: int = 0  # findings fixed by --fix in this run

    def counts_by_severity(self) -> Counter[Severity]:
        return Counter(f.effective_severity for f in self.findings)

    def counts_by_practice(self) -> Counter[Practice]:
        return Counter(f.rule.practice for f in self.findings)


def source_lines(path: str) -> tuple[str, ...]:
    """A file's lines as reports may show them: every line holding a secret is redacted."""
    from bastion.secrets.redact import redacted_source

    return redacted_source(path).lines


def is_redacted(finding: Finding) -> bool:
    """Findings about secrets carry a redacted snippet; formatters must not show the file's own text."""
    return ("redacted", "true") in finding.properties


def available_formats() -> list[str]:
    return [name for name, module in FORMATS.items() if importlib.util.find_spec(module) is not None]


def render(report: Report, format_name: str) -> str:
    module = importlib.import_module(FORMATS[format_name])
    return module.render(report)
