"""SARIF 2.1.0, shaped for GitHub code scanning: rule help, CWE tags, security-severity,
partialFingerprints, URIs relative to %SRCROOT%, codeFlows for traces, and diagnostics as
toolExecutionNotifications."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from bastion.docs import rule_markdown
from bastion.model import Finding, Location, RuleInfo, Severity
from bastion.report import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "1.0",
}
LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
SRCROOT = "%SRCROOT%"


def _uri(path: str, root: Path) -> str:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:
        return Path(absolute).as_uri()
    if relative.startswith(".."):
        return Path(absolute).as_uri()
    return Path(relative).as_posix()


def _physical(location: Location, root: Path) -> dict[str, Any]:
    uri = _uri(location.path, root)
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        artifact["uriBaseId"] = SRCROOT
    region: dict[str, Any] = {"startLine": max(1, location.line), "startColumn": location.column + 1}
    if location.end_line is not None:
        region["endLine"] = max(location.end_line, region["startLine"])
        if location.end_column is not None and (location.end_line > location.line or location.end_column > location.column):
            region["endColumn"] = location.end_column + 1
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _rule(info: RuleInfo) -> dict[str, Any]:
    tags = ["security", info.practice.slug]
    if info.cwe:
        tags.append(f"CWE-{info.cwe}")
    if info.owasp:
        tags.append(f"OWASP-{info.owasp}")
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.docs.what},
        "help": {"text": f"{info.docs.what}\n\n{info.docs.why}\n\n{info.docs.instead}".strip(), "markdown": rule_markdown(info)},
        "helpUri": info.help_uri,
        "defaultConfiguration": {"level": LEVEL[info.severity]},
        "properties": {
            "tags": tags,
            "security-severity": SECURITY_SEVERITY[info.severity],
            "precision": {3: "high", 2: "medium", 1: "low"}[int(info.confidence)],
            "problem.severity": {"error": "error", "warning": "warning", "note": "recommendation"}[LEVEL[info.severity]],
        },
    }


def _result(finding: Finding, rule_index: int, root: Path) -> dict[str, Any]:
    severity = finding.effective_severity
    result: dict[str, Any] = {
        "ruleId": finding.rule.code,
        "ruleIndex": rule_index,
        "level": LEVEL[severity],
        "message": {"text": finding.message},
        "locations": [_physical(finding.location, root)],
        "partialFingerprints": {"bastionFingerprint/v1": finding.fingerprint_at(root)},
        "properties": {
            "severity": severity.label,
            "confidence": finding.effective_confidence.label,
            "security-severity": SECURITY_SEVERITY[severity],
        },
    }
    if finding.properties:
        result["properties"].update(dict(finding.properties))
    if finding.trace:
        steps = [
            {"location": {**_physical(step.location, root), "message": {"text": step.message}}, "nestingLevel": 0}
            for step in finding.trace
        ]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": _physical(finding.location, root)["physicalLocation"]["artifactLocation"],
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": edit.line,
                                    "startColumn": edit.column + 1,
                                    "endLine": edit.end_line,
                                    "endColumn": edit.end_column + 1,
                                },
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result


def sarif_data(report: Report) -> dict[str, Any]:
    rules = {info.code: info for info in report.rules}
    for finding in report.findings:
        rules.setdefault(finding.rule.code, finding.rule)
    ordered = sorted(rules.values(), key=lambda info: info.code)
    index = {info.code: position for position, info in enumerate(ordered)}
    root = report.root
    notifications = [
        {
            "level": diagnostic.level if diagnostic.level in {"error", "warning", "note"} else "warning",
            "message": {"text": f"{diagnostic.kind}: {diagnostic.message}"},
            "descriptor": {"id": str(diagnostic.kind)},
            **(
                {"locations": [_physical(Location(diagnostic.path, diagnostic.line or 1), root)]}
                if diagnostic.path
                else {}
            ),
        }
        for diagnostic in report.diagnostics
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "bastion",
                "version": report.tool_version,
                "semanticVersion": report.tool_version,
                "informationUri": "https://bastion.dev",
                "rules": [_rule(info) for info in ordered],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path(os.path.abspath(root)).as_uri() + "/"}},
        "invocations": [
            {
                "executionSuccessful": not any(d.level == "error" and d.kind == "internal-error" for d in report.diagnostics),
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": [_result(f, index[f.rule.code], root) for f in report.findings],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report) -> str:
    return json.dumps(sarif_data(report), indent=2) + "\n"
