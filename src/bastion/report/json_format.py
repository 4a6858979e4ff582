"""JSON report, versioned; its schema is docs/schemas/bastion-report.schema.json."""

from __future__ import annotations

import json
from typing import Any

from bastion.model import Severity
from bastion.report import Report
from bastion.serialize import diagnostic_to_data, location_to_data

SCHEMA_VERSION = "1.0"


def finding_data(finding, root=None) -> dict[str, Any]:
    info = finding.rule
    data: dict[str, Any] = {
        "code": info.code,
        "name": info.name,
        "practice": info.practice.slug,
        "severity": finding.effective_severity.label,
        "confidence": finding.effective_confidence.label,
        "cwe": f"CWE-{info.cwe}" if info.cwe else None,
        "owasp": info.owasp_title,
        "message": finding.message,
        "location": location_to_data(finding.location),
        "snippet": finding.snippet,
        "fingerprint": finding.fingerprint_at(root),
        "help_uri": info.help_uri,
        "trace": [{"location": location_to_data(s.location), "message": s.message} for s in finding.trace],
        "fix": None,
    }
    if finding.fix is not None:
        data["fix"] = {
            "description": finding.fix.description,
            "edits": [
                {"line": e.line, "column": e.column, "end_line": e.end_line, "end_column": e.end_column, "replacement": e.replacement}
                for e in finding.fix.edits
            ],
        }
    if finding.properties:
        data["properties"] = dict(finding.properties)
    return data


def report_data(report: Report) -> dict[str, Any]:
    by_severity = report.counts_by_severity()
    by_practice = report.counts_by_practice()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "bastion", "version": report.tool_version},
        "root": str(report.root),
        "summary": {
            "files_scanned": report.files_scanned,
            "findings": len(report.findings),
            "suppressed": report.suppressed,
            "diagnostics": len(report.diagnostics),
            "duration_seconds": round(report.duration, 3),
            "by_severity": {s.label: by_severity.get(s, 0) for s in Severity},
            "by_practice": {p.slug: n for p, n in sorted(by_practice.items())},
        },
        "findings": [finding_data(f, report.root) for f in report.findings],
        "diagnostics": [diagnostic_to_data(d) for d in report.diagnostics],
        "extras": report.extras,
    }


def render(report: Report) -> str:
    return json.dumps(report_data(report), indent=2, default=str) + "\n"
