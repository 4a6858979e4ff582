"""Terminal report: findings grouped by file, each with its code in context, then a summary.

Colour only on a terminal and when NO_COLOR is unset, drawn with `rich`; otherwise the same text,
plain, written without importing `rich` at all (a pre-commit hook or CI log pays nothing for it).
Control characters from scanned files never reach the terminal.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections import Counter
from typing import Protocol

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
TAB_SIZE = 8
# C0 controls but tab and newline, DEL and C1: shown as `\xNN` (an escape sequence in a scanned file
# must not drive the reader's terminal).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

Span = tuple[str, str]  # (text, style)


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


class Writer(Protocol):
    def line(self, *spans: Span) -> None: ...

    def table(self, title: str, headers: list[tuple[str, str, str]], rows: list[list[str]]) -> None:
        """`headers`: (name, justify, style) per column."""


class PlainWriter:
    """What the rich console prints without colour, written directly."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def line(self, *spans: Span) -> None:
        self.stream.write("".join(text for text, _ in spans).expandtabs(TAB_SIZE) + "\n")

    def table(self, title: str, headers: list[tuple[str, str, str]], rows: list[list[str]]) -> None:
        # rich's Table with box=None: a left-justified title, one space of padding each side of a cell.
        widths = [max(len(cells[i]) for cells in [[name for name, _, _ in headers], *rows]) for i in range(len(headers))]

        def cells(values: list[str]) -> str:
            return "".join(
                " " + (value.rjust(width) if justify == "right" else value.ljust(width)) + " "
                for value, width, (_, justify, _) in zip(values, widths, headers, strict=True)
            )

        self.stream.write(title + "\n" + cells([name for name, _, _ in headers]) + "\n")
        for row in rows:
            self.stream.write(cells(row) + "\n")


class RichWriter:
    def __init__(self, stream, color: bool) -> None:
        from rich.console import Console

        self.console = Console(
            file=stream,
            color_system="auto" if color else None,
            no_color=not color,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            width=None if color else 200,
        )

    def line(self, *spans: Span) -> None:
        from rich.text import Text

        self.console.print(Text.assemble(*spans) if spans else "", markup=False, highlight=False)

    def table(self, title: str, headers: list[tuple[str, str, str]], rows: list[list[str]]) -> None:
        from rich.table import Table

        table = Table(title=title, title_justify="left", box=None)
        for name, justify, style in headers:
            table.add_column(name, justify=justify, style=style or None)
        for row in rows:
            table.add_row(*row)
        self.console.print(table)


def _excerpt(finding: Finding) -> list[tuple[int, str, bool]]:
    lines = () if is_redacted(finding) else source_lines(finding.location.path)
    if not lines:
        return [(finding.location.line, finding.snippet, True)] if finding.snippet else []
    start = finding.location.line
    end = min(finding.location.end_line or start, start + 6)
    first = max(1, start - CONTEXT_LINES)
    last = min(len(lines), end + CONTEXT_LINES)
    return [(n, lines[n - 1][:200], start <= n <= end) for n in range(first, last + 1)]


def _render(report: Report, out: Writer) -> None:
    by_file: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_file.setdefault(finding.location.path, []).append(finding)
    for path, findings in by_file.items():
        out.line((_visible(path), "bold underline"))
        for finding in findings:
            loc = finding.location
            severity = finding.effective_severity
            out.line(
                (f"  {loc.line}:{loc.column + 1} ", "dim"),
                (f"{severity.label.upper():<8}", _SEVERITY_STYLE[severity]),
                (f" {finding.rule.code} ", "bold"),
                (f"[{finding.rule.name}] ", "magenta"),
                (_visible(finding.message), ""),
            )
            excerpt = _excerpt(finding)
            width = len(str(excerpt[-1][0])) if excerpt else 1
            for number, line, marked in excerpt:
                gutter = ">" if marked else " "
                out.line((f"    {gutter} {number:>{width}} | ", "dim"), (_visible(line), "" if marked else "dim"))
            for index, step in enumerate(finding.trace, 1):
                step_loc = step.location
                out.line((f"      {index}. ", "dim"), (_visible(f"{step_loc.path}:{step_loc.line}"), "blue"), (_visible(f" {step.message}"), ""))
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
                out.line((f"      {line}", "dim"))
            out.line()


def _summary(report: Report, out: Writer) -> None:
    if report.diagnostics:
        out.line(("Diagnostics", "bold"))
        for diagnostic in report.diagnostics:
            where = diagnostic.path + (f":{diagnostic.line}" if diagnostic.line else "")
            out.line((_visible(f"  {where}: {diagnostic.kind} {diagnostic.message}"), "yellow"))
        out.line()
    if report.findings:
        severities = sorted(Severity, reverse=True)
        counts: dict[Practice, Counter] = {}
        for finding in report.findings:
            counts.setdefault(finding.rule.practice, Counter())[finding.effective_severity] += 1
        headers = [("practice", "left", ""), *((s.label, "right", _SEVERITY_STYLE[s]) for s in severities), ("total", "right", "bold")]
        rows = [
            [f"{practice.value}. {practice.title}", *(str(counts[practice][s]) if counts[practice][s] else "." for s in severities),
             str(sum(counts[practice].values()))]
            for practice in sorted(counts)
        ]
        out.table("Findings by practice and severity", headers, rows)
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
    out.line((line, "bold"))


def _use_color(stream) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ


def _writer(stream) -> Writer:
    return RichWriter(stream, color=True) if _use_color(stream) else PlainWriter(stream)


def print_report(report: Report, stream=None, *, quiet: bool = False) -> None:
    stream = stream or sys.stdout
    out = _writer(stream)
    _render(report, out)
    if not quiet:
        _summary(report, out)


def render(report: Report) -> str:
    buffer = io.StringIO()
    out = PlainWriter(buffer)
    _render(report, out)
    _summary(report, out)
    return buffer.getvalue()
