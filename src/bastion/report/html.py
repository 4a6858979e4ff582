"""A self-contained HTML report: scorecard per practice, charts, filters, and every finding explained.

Nothing is fetched from the network: styles, script and charts (inline SVG) are in the one file.

Grades (documented in docs/html-report.md): each practice starts at 100 points and loses
`SEVERITY_WEIGHT[severity] * CONFIDENCE_FACTOR[confidence]` per finding, floored at 0;
A >= 90, B >= 80, C >= 70, D >= 60, else F.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from bastion.model import Confidence, Finding, Practice, Severity
from bastion.report import Report, is_redacted, source_lines

SEVERITY_WEIGHT = {Severity.CRITICAL: 25.0, Severity.HIGH: 10.0, Severity.MEDIUM: 4.0, Severity.LOW: 1.0, Severity.INFO: 0.0}
CONFIDENCE_FACTOR = {Confidence.HIGH: 1.0, Confidence.MEDIUM: 0.7, Confidence.LOW: 0.4}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))
SCORED_PRACTICES = [p for p in Practice if p != Practice.EDUCATION]
SEVERITY_COLOUR = {
    Severity.CRITICAL: "#7f1d1d",
    Severity.HIGH: "#dc2626",
    Severity.MEDIUM: "#d97706",
    Severity.LOW: "#2563eb",
    Severity.INFO: "#6b7280",
}
CONTEXT = 2


def score(findings: list[Finding]) -> float:
    lost = sum(SEVERITY_WEIGHT[f.effective_severity] * CONFIDENCE_FACTOR[f.effective_confidence] for f in findings)
    return max(0.0, 100.0 - lost)


def grade(points: float) -> str:
    return next(letter for floor, letter in GRADES if points >= floor)


def excerpt(finding: Finding) -> list[dict[str, Any]]:
    loc = finding.location
    lines = () if is_redacted(finding) else source_lines(loc.path)
    if not lines:
        return [{"number": loc.line, "text": finding.snippet, "hit": True}]
    end = min(loc.end_line or loc.line, loc.line + 10)
    first, last = max(1, loc.line - CONTEXT), min(len(lines), end + CONTEXT)
    return [{"number": n, "text": lines[n - 1][:300], "hit": loc.line <= n <= end} for n in range(first, last + 1)]


_FENCE = re.compile(r"```[a-z]*\n(.*?)```", re.DOTALL)
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"(https?://[^\s<>()]+)")


def doc_html(text: str) -> str:
    """The small Markdown subset rule docs use: fenced code, inline code, paragraphs, bare links."""
    parts, position = [], 0
    for match in _FENCE.finditer(text):
        parts.append(_inline(text[position : match.start()]))
        parts.append(f"<pre class='doc-code'>{html.escape(match.group(1).rstrip())}</pre>")
        position = match.end()
    parts.append(_inline(text[position:]))
    return "".join(parts)


def _inline(text: str) -> str:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    rendered = []
    for paragraph in paragraphs:
        escaped = html.escape(paragraph)
        escaped = _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", escaped)
        escaped = _LINK.sub(lambda m: f"<a href='{m.group(1)}' rel='noreferrer'>{m.group(1)}</a>", escaped)
        rendered.append(f"<p>{escaped}</p>")
    return "".join(rendered)


def _bar_chart(rows: list[tuple[str, Counter]], width: int = 560) -> str:
    """Horizontal bars stacked by severity, as inline SVG."""
    label_width, bar_height, gap = 210, 18, 8
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    height = len(rows) * (bar_height + gap) + gap
    scale = (width - label_width - 40) / largest
    parts = [f"<svg class='chart' viewBox='0 0 {width} {height}' role='img' aria-label='findings by practice and severity'>"]
    for index, (label, counts) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        parts.append(f"<text x='0' y='{y + 13}' class='chart-label'>{html.escape(label)}</text>")
        x = float(label_width)
        for severity in sorted(Severity, reverse=True):
            value = counts.get(severity, 0)
            if value:
                w = value * scale
                parts.append(
                    f"<rect x='{x:.1f}' y='{y}' width='{w:.1f}' height='{bar_height}' fill='{SEVERITY_COLOUR[severity]}'>"
                    f"<title>{value} {severity.label}</title></rect>"
                )
                x += w
        parts.append(f"<text x='{x + 6:.1f}' y='{y + 13}' class='chart-value'>{sum(counts.values())}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: Any) -> dict[str, Any] | None:
    """A list of flat dicts as (columns, rows) for a generic table; None when it is not one."""
    if isinstance(rows, dict):
        for key in ("rows", "items", "endpoints", "dependencies", "targets", "packages"):
            if isinstance(rows.get(key), list):
                rows = rows[key]
                break
    if not isinstance(rows, list) or not rows or not all(isinstance(row, dict) for row in rows):
        return None
    columns: list[str] = []
    for row in rows[:50]:
        columns += [key for key in row if key not in columns]
    def cell(value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return ", ".join(cell(v) for v in value)
        if isinstance(value, dict):
            return ", ".join(f"{k}: {cell(v)}" for k, v in value.items())
        return "" if value is None else str(value)
    return {"columns": columns, "rows": [[cell(row.get(column)) for column in columns] for row in rows]}


def context(report: Report) -> dict[str, Any]:
    by_practice: dict[Practice, list[Finding]] = {p: [] for p in Practice}
    for finding in report.findings:
        by_practice[finding.rule.practice].append(finding)
    scorecard = []
    for practice in SCORED_PRACTICES:
        found = by_practice[practice]
        points = score(found)
        counts = Counter(f.effective_severity for f in found)
        scorecard.append(
            {
                "number": practice.value,
                "title": practice.title,
                "slug": practice.slug,
                "score": round(points),
                "grade": grade(points),
                "total": len(found),
                "counts": [(s.label, counts.get(s, 0)) for s in sorted(Severity, reverse=True) if counts.get(s)],
            }
        )
    chart_rows = [(f"{p.value}. {p.title}", Counter(f.effective_severity for f in by_practice[p])) for p in SCORED_PRACTICES]
    severity_totals = report.counts_by_severity()
    findings = []
    for index, finding in enumerate(report.findings):
        rule = finding.rule
        findings.append(
            {
                "id": f"f{index}",
                "finding": finding,
                "rule": rule,
                "severity": finding.effective_severity.label,
                "confidence": finding.effective_confidence.label,
                "practice": rule.practice,
                "excerpt": excerpt(finding),
                "what": doc_html(rule.docs.what),
                "why": doc_html(rule.docs.why),
                "instead": doc_html(rule.docs.instead),
                "references": [ref for ref in rule.docs.references],
                "search": " ".join([rule.code, rule.name, finding.message, finding.location.path]).lower(),
            }
        )
    extras = []
    for key, value in report.extras.items():
        table = _table(value)
        if table is not None:
            extras.append({"title": key.replace("_", " ").capitalize(), "table": table})
    return {
        "report": report,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "scorecard": scorecard,
        "chart": _bar_chart(chart_rows),
        "severity_totals": [(s.label, severity_totals.get(s, 0), SEVERITY_COLOUR[s]) for s in sorted(Severity, reverse=True)],
        "findings": findings,
        "rules": sorted({(f.rule.code, f.rule.name) for f in report.findings}),
        "files": sorted({f.location.path for f in report.findings}),
        "practices": sorted({f.rule.practice for f in report.findings}),
        "severities": [s.label for s in sorted(Severity, reverse=True)],
        "extras": extras,
    }


def render(report: Report) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("bastion.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["inline"] = inline_code
    return environment.get_template("report.html.j2").render(**context(report))


def inline_code(text: str) -> str:
    from markupsafe import Markup

    return Markup(_CODE.sub(lambda m: f"<code>{m.group(1)}</code>", html.escape(text)))
