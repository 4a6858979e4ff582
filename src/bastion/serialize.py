"""Findings and diagnostics to and from plain JSON data (the cache and the JSON report share it)."""

from __future__ import annotations

from typing import Any

from bastion.model import (
    Confidence,
    Diagnostic,
    DiagnosticKind,
    Edit,
    Finding,
    Fix,
    Location,
    Severity,
    TraceStep,
)
from bastion.rules import registry


def location_to_data(location: Location) -> dict[str, Any]:
    return {
        "path": location.path,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def location_from_data(data: dict[str, Any]) -> Location:
    return Location(data["path"], data["line"], data["column"], data.get("end_line"), data.get("end_column"))


def finding_to_data(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.rule.code,
        "message": finding.message,
        "location": location_to_data(finding.location),
        "snippet": finding.snippet,
        "context": finding.context,
    }
    if finding.severity is not None:
        data["severity"] = finding.severity.label
    if finding.confidence is not None:
        data["confidence"] = finding.confidence.label
    if finding.trace:
        data["trace"] = [{"location": location_to_data(s.location), "message": s.message} for s in finding.trace]
    if finding.fix is not None:
        data["fix"] = {
            "description": finding.fix.description,
            "edits": [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in finding.fix.edits],
        }
    if finding.properties:
        data["properties"] = [list(pair) for pair in finding.properties]
    return data


def finding_from_data(data: dict[str, Any]) -> Finding:
    fix = None
    if "fix" in data:
        fix = Fix(data["fix"]["description"], tuple(Edit(*edit) for edit in data["fix"]["edits"]))
    return Finding(
        rule=registry.info(data["code"]),
        message=data["message"],
        location=location_from_data(data["location"]),
        snippet=data.get("snippet", ""),
        severity=Severity.parse(data["severity"]) if "severity" in data else None,
        confidence=Confidence.parse(data["confidence"]) if "confidence" in data else None,
        trace=tuple(TraceStep(location_from_data(s["location"]), s["message"]) for s in data.get("trace", ())),
        fix=fix,
        context=data.get("context", ""),
        properties=tuple(tuple(pair) for pair in data.get("properties", ())),  # type: ignore[misc]
    )


def diagnostic_to_data(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "path": diagnostic.path,
        "kind": str(diagnostic.kind),
        "message": diagnostic.message,
        "line": diagnostic.line,
        "level": diagnostic.level,
    }


def diagnostic_from_data(data: dict[str, Any]) -> Diagnostic:
    return Diagnostic(data["path"], DiagnosticKind(data["kind"]), data["message"], data.get("line"), data.get("level", "warning"))
