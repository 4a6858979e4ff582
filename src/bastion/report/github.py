"""GitHub Actions workflow commands: one annotation per finding, shown inline on pull requests."""

from __future__ import annotations

from bastion.model import Severity
from bastion.report import Report

_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for finding in report.findings:
        loc = finding.location
        properties = [f"file={_escape_property(loc.path)}", f"line={loc.line}", f"col={loc.column + 1}"]
        if loc.end_line:
            properties.append(f"endLine={loc.end_line}")
        properties.append(f"title={_escape_property(f'{finding.rule.code} {finding.rule.name}')}")
        message = f"{finding.message} [{finding.effective_severity.label}; bastion explain {finding.rule.code}]"
        lines.append(f"::{_LEVEL[finding.effective_severity]} {','.join(properties)}::{_escape_data(message)}")
    for diagnostic in report.diagnostics:
        where = [f"file={_escape_property(diagnostic.path)}"] + ([f"line={diagnostic.line}"] if diagnostic.line else [])
        lines.append(f"::warning {','.join(where)},title=bastion {diagnostic.kind}::{_escape_data(diagnostic.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
