"""Markdown for a pull-request comment: a summary table, then the findings grouped by severity."""

from __future__ import annotations

from bastion.model import Practice, Severity
from bastion.report import Report

_ICON = {Severity.CRITICAL: "🔴", Severity.HIGH: "🟠", Severity.MEDIUM: "🟡", Severity.LOW: "🔵", Severity.INFO: "⚪"}
MAX_LISTED = 200


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(report: Report) -> str:
    total = len(report.findings)
    out = [f"## Bastion: {total} finding{'s' if total != 1 else ''} in {report.files_scanned} files", ""]
    if total:
        counts = report.counts_by_severity()
        out.append(" · ".join(f"{_ICON[s]} {counts[s]} {s.label}" for s in sorted(Severity, reverse=True) if counts[s]))
        out += ["", "| practice | findings |", "|---|---|"]
        for practice, number in sorted(report.counts_by_practice().items()):
            out.append(f"| {practice.value}. {Practice(practice).title} | {number} |")
        out += ["", "| | rule | location | message |", "|---|---|---|---|"]
        ordered = sorted(report.findings, key=lambda f: (-f.effective_severity, f.sort_key()))
        for finding in ordered[:MAX_LISTED]:
            loc = finding.location
            out.append(
                f"| {_ICON[finding.effective_severity]} | `{finding.rule.code}` {finding.rule.name} | "
                f"`{_cell(loc.path)}:{loc.line}` | {_cell(finding.message)} |"
            )
        if total > MAX_LISTED:
            out.append(f"\n… and {total - MAX_LISTED} more; see the full report.")
    else:
        out.append("No findings. ✅")
    if report.diagnostics:
        out += ["", f"<details><summary>{len(report.diagnostics)} file(s) could not be fully analysed</summary>", ""]
        out += [f"- `{_cell(d.path)}`: {d.kind}: {_cell(d.message)}" for d in report.diagnostics]
        out += ["", "</details>"]
    out += ["", "<sub>`bastion explain CODE` describes each rule and how to fix it.</sub>", ""]
    return "\n".join(out)
