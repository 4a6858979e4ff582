"""GitLab SAST report (schema 15.x), shown in merge requests and the vulnerability report."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from bastion.model import Severity
from bastion.report import Report

SCHEMA_VERSION = "15.0.7"
_SEVERITY = {Severity.CRITICAL: "Critical", Severity.HIGH: "High", Severity.MEDIUM: "Medium", Severity.LOW: "Low", Severity.INFO: "Info"}
_ANALYZER = {"id": "bastion", "name": "Bastion", "vendor": {"name": "Bastion"}}


def _identifiers(finding) -> list[dict]:
    rule = finding.rule
    identifiers = [{"type": "bastion_rule_id", "name": f"Bastion {rule.code} {rule.name}", "value": rule.code, "url": rule.help_uri}]
    if rule.cwe:
        identifiers.append(
            {"type": "cwe", "name": f"CWE-{rule.cwe}", "value": str(rule.cwe), "url": f"https://cwe.mitre.org/data/definitions/{rule.cwe}.html"}
        )
    return identifiers


def render(report: Report) -> str:
    finished = datetime.now(UTC).replace(microsecond=0)
    started = finished - timedelta(seconds=round(report.duration))
    stamp = "%Y-%m-%dT%H:%M:%S"
    vulnerabilities = []
    seen: dict[str, int] = {}
    for finding in report.findings:
        loc = finding.location
        fingerprint = finding.fingerprint_at(report.root)
        occurrence = seen[fingerprint] = seen.get(fingerprint, 0) + 1
        vulnerabilities.append(
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bastion:{fingerprint}:{occurrence}")),
                "category": "sast",
                "name": finding.rule.summary,
                "message": finding.message,
                "description": f"{finding.rule.docs.what}\n\n{finding.rule.docs.why}",
                "cve": "",
                "severity": _SEVERITY[finding.effective_severity],
                "confidence": finding.effective_confidence.label.capitalize(),
                "solution": finding.rule.docs.instead,
                "scanner": {"id": "bastion", "name": "Bastion"},
                "location": {"file": loc.path, "start_line": loc.line, "end_line": loc.end_line or loc.line},
                "identifiers": _identifiers(finding),
                "links": [{"url": ref} for ref in finding.rule.docs.references if ref.startswith("http")],
            }
        )
    document = {
        "version": SCHEMA_VERSION,
        "vulnerabilities": vulnerabilities,
        "scan": {
            "analyzer": {**_ANALYZER, "version": report.tool_version},
            "scanner": {**_ANALYZER, "version": report.tool_version},
            "type": "sast",
            "start_time": started.strftime(stamp),
            "end_time": finished.strftime(stamp),
            "status": "success",
            "messages": [
                {"level": "warn" if d.level != "note" else "info", "value": f"{d.path}: {d.kind}: {d.message}"} for d in report.diagnostics
            ],
        },
    }
    return json.dumps(document, indent=2) + "\n"
