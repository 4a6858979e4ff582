"""The per-file pass: read, decode, parse once, walk once with the pattern rules, collect facts.

Runs in worker processes; everything it returns is plain data so it can be cached as JSON.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from bastion import source as sources
from bastion import suppress
from bastion.config import Config
from bastion.engine.analysis import FileAnalyzer
from bastion.engine.context import Context
from bastion.model import Diagnostic, DiagnosticKind, Finding
from bastion.rules.registry import Rule
from bastion.serialize import (
    diagnostic_from_data,
    diagnostic_to_data,
    finding_from_data,
    finding_to_data,
)

# Our walk recurses once per nesting level. Python 3.12+ no longer spends C stack on pure-Python
# recursion, so deep (but parseable) expressions can be walked safely with a higher limit.
WALK_RECURSION_LIMIT = 12_000


@dataclass(frozen=True, slots=True)
class FileJob:
    path: str  # absolute
    display: str
    module: str
    is_package: bool


@dataclass(slots=True)
class FileResult:
    display: str
    content_hash: str = ""
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressions: list[suppress.Suppression] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    redactions: dict[int, str] | None = None  # see FileFacts.redactions
    parsed: bool = False
    facts_key: str | None = None  # facts kept apart in the cache under this key, not read yet

    def to_data(self) -> dict[str, Any]:
        return {
            "display": self.display,
            "content_hash": self.content_hash,
            "findings": [finding_to_data(f) for f in self.findings],
            "diagnostics": [diagnostic_to_data(d) for d in self.diagnostics],
            "suppressions": [s.to_data() for s in self.suppressions],
            "facts": self.facts,
            "redactions": None if self.redactions is None else [[line, text] for line, text in self.redactions.items()],
            "parsed": self.parsed,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FileResult:
        return cls(
            display=data["display"],
            content_hash=data["content_hash"],
            findings=[finding_from_data(f) for f in data["findings"]],
            diagnostics=[diagnostic_from_data(d) for d in data["diagnostics"]],
            suppressions=[suppress.Suppression.from_data(s) for s in data["suppressions"]],
            facts=data.get("facts", {}),
            redactions=None if data.get("redactions") is None else {int(line): str(text) for line, text in data["redactions"]},
            parsed=data["parsed"],
        )


def check_source(
    source: sources.SourceFile,
    job: FileJob,
    rules: list[Rule],
    analyzers: list[FileAnalyzer],
    config: Config,
) -> FileResult:
    result = FileResult(job.display, source.content_hash, parsed=True)
    if sys.getrecursionlimit() < WALK_RECURSION_LIMIT:
        sys.setrecursionlimit(WALK_RECURSION_LIMIT)
    context = Context(source, job.module, is_package=job.is_package)
    result.findings = context.run(rules)
    result.diagnostics.extend(context.diagnostics)
    for analyzer in analyzers:
        try:
            collected = analyzer.collect(context, config)
        except RecursionError:
            result.diagnostics.append(
                Diagnostic(job.display, DiagnosticKind.TOO_DEEP, f"{analyzer.name}: nesting too deep to analyse")
            )
            continue
        except Exception as exc:  # an analyzer bug must not stop the scan
            result.diagnostics.append(
                Diagnostic(job.display, DiagnosticKind.INTERNAL_ERROR, f"{analyzer.name} failed: {type(exc).__name__}: {exc}")
            )
            continue
        result.facts[analyzer.name] = collected.facts
        result.findings.extend(collected.findings)
        result.diagnostics.extend(collected.diagnostics)
        if collected.redactions is not None:
            result.redactions = {**(result.redactions or {}), **collected.redactions}
    from bastion.rules.bandit_ids import BANDIT_TO_BASTION

    result.suppressions = suppress.find(source.text, source.tree, config.honor_nosec, BANDIT_TO_BASTION)
    result.findings.sort(key=Finding.sort_key)
    return result


def check_bytes(data: bytes, job: FileJob, rules: list[Rule], analyzers: list[FileAnalyzer], config: Config) -> FileResult:
    try:
        source = sources.from_bytes(data, job.display)
    except sources.SourceError as error:
        return FileResult(job.display, diagnostics=[error.diagnostic])
    try:
        return check_source(source, job, rules, analyzers, config)
    except Exception as exc:  # never let one file stop the scan
        message = f"internal error while analysing: {type(exc).__name__}: {exc}"
        return FileResult(job.display, diagnostics=[Diagnostic(job.display, DiagnosticKind.INTERNAL_ERROR, message, level="error")])


def check_file(job: FileJob, rules: list[Rule], analyzers: list[FileAnalyzer], config: Config) -> FileResult:
    try:
        data = sources.read_bytes(job.path, job.display, config.max_file_size)
    except sources.SourceError as error:
        return FileResult(job.display, diagnostics=[error.diagnostic])
    return check_bytes(data, job, rules, analyzers, config)
