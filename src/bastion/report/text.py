"""Terminal report: findings grouped by file, each with its code in context, then a summary.

Colour only on a terminal and when NO_COLOR is unset; otherwise the same text, plain.
"""

from __future__ import annotations

import io
import os
import sys
from collections import Counter

from bastion.model import Finding, Practice, Severity
from bastion.report import Report, is_redacted, source_lines

_SEVERITY_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}
CONTEXT_LINES = 1


def _excerpt(finding: Finding) -> list[tuple[int, str, bool]]:
    lines = () if is_redacted(finding) else source_lines(finding.location.path)
    if not lines:
        return [(finding.location.line, finding.snippet, True)] if finding.snippet else []
    start = finding.location.line
    end = min(finding.location.end_line or start, start + 6)
    first = max(1, start - CONTEXT_LINES)
    last = min(len(lines), end + CONTEXT_LINES)
    return [(n, lines[n - 1][:200], start <= n <= end) for n in range(first, last + 1)]


def _render(report: Report, console) -> None:
    from rich.text import Text

    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    for path, findings in by_file.items():
        console.print(Text(path, style="bold underline"))
        for finding in findings:
            loc = finding.location
            severity = finding.effective_severity
            header = Text()
            header.append(f"  {loc.line}:{loc.column + 1} ", style="dim")
            header.append(f"{severity.label.upper():<8}", style=_SEVERITY_STYLE[severity])
            header.append(f" {finding.rule.code} ", style="bold")
            header.append(f"[{finding.rule.name}] ", style="magenta")
            header.append(finding.message)
            console.print(header)
            excerpt = _excerpt(finding)
            width = len(str(excerpt[-1][0])) if excerpt else 1
            for number, line, marked in excerpt:
                gutter = ">" if marked else " "
                console.print(Text(f"    {gutter} {number:>{width}} | ", style="dim") + Text(line, style="" if marked else "dim"))
            for index, step in enumerate(finding.trace, 1):
                step_loc = step.location
                console.print(
                    Text(f"      {index}. ", style="dim")
                    + Text(f"{step_loc.path}:{step_loc.line}", style="blue")
                    + Text(f" {step.message}")
                )
            hint = finding.rule.docs.instead.strip().splitlines()[0] if finding.rule.docs.instead.strip() else ""
            extra = []
            if finding.fix is not None:
                extra.append(f"fix available: {finding.fix.description} (bastion check --fix)")
            elif hint and not hint.startswith("```"):
                extra.append(f"hint: {hint}")
            extra.append(f"confidence {finding.effective_confidence.label}"
                         + (f", CWE-{finding.rule.cwe}" if finding.rule.cwe else "")
                         + f"; more: bastion explain {finding.rule.code}")
            for line in extra:
                console.print(Text(f"      {line}", style="dim"), markup=False, highlight=False)
            console.print()


def _summary(report: Report, console) -> None:
    from rich.table import Table
    from rich.text import Text

    if report.diagnostics:
        console.print(Text("Diagnostics", style="bold"))
        for diagnostic in report.diagnostics:
            where = diagnostic.path + (f":{diagnostic.line}" if diagnostic.line else "")
            console.print(Text(f"  {where}: {diagnostic.kind} {diagnostic.message}", style="yellow"))
        console.print()
    if report.findings:
        severities = [s for s in sorted(Severity, reverse=True)]
        counts: dict[Practice, Counter] = {}
        for finding in report.findings:
            counts.setdefault(finding.rule.practice, Counter())[finding.effective_severity] += 1
        table = Table(title="Findings by practice and severity", title_justify="left", box=None)
        table.add_column("practice")
        for severity in severities:
            table.add_column(severity.label, justify="right", style=_SEVERITY_STYLE[severity])
        table.add_column("total", justify="right", style="bold")
        for practice in sorted(counts):
            row = counts[practice]
            table.add_row(
                f"{practice.value}. {practice.title}",
                *(str(row[s]) if row[s] else "." for s in severities),
                str(sum(row.values())),
            )
        console.print(table)
    total = len(report.findings)
    plural = "finding" if total == 1 else "findings"
    line = f"{total} {plural} in {report.files_scanned} Python files ({report.duration:.2f}s)"
    if report.suppressed:
        line += f", {report.suppressed} suppressed"
    if report.baselined:
        line += f", {report.baselined} in the baseline"
    if report.fixed:
        line += f", {report.fixed} fixed"
    if report.diagnostics:
        line += f", {len(report.diagnostics)} diagnostics"
    console.print(Text(line, style="bold"))


def _console(file, color: bool):
    from rich.console import Console

    return Console(
        file=file,
        color_system="auto" if color else None,
        no_color=not color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        width=None if color else 200,
    )


def _use_color(stream) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def print_report(report: Report, stream=None, *, quiet: bool = False) -> None:
    stream = stream or sys.stdout
    console = _console(stream, _use_color(stream))
    _render(report, console)
    if not quiet:
        _summary(report, console)


def render(report: Report) -> str:
    buffer = io.StringIO()
    console = _console(buffer, False)
    _render(report, console)
    _summary(report, console)
    return buffer.getvalue()
