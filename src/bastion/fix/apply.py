"""Applying fixes: non-overlapping edits per file, the result re-parsed, then written atomically.

A file whose fixed text would no longer parse is left untouched and reported; so is a file that
changed on disk since it was scanned (its findings no longer point at the right text).
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import io
import tokenize
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from bastion.engine.cache import write_atomic
from bastion.model import Edit, Finding


@dataclass(slots=True)
class FileFix:
    path: str
    fixed: list[Finding] = field(default_factory=list)
    diff: str = ""
    error: str | None = None


def _offsets(text: str) -> list[int]:
    starts, total = [0], 0
    for line in text.splitlines(keepends=True):
        total += len(line)
        starts.append(total)
    return starts


def apply_edits(text: str, edits: list[Edit]) -> str:
    starts = _offsets(text)

    def offset(line: int, column: int) -> int:
        index = min(max(line - 1, 0), len(starts) - 1)
        return min(starts[index] + column, len(text))

    spans = sorted(((offset(e.line, e.column), offset(e.end_line, e.end_column), e.replacement) for e in edits), reverse=True)
    for start, end, replacement in spans:
        text = text[:start] + replacement + text[end:]
    return text


def _overlaps(a: Edit, b: Edit) -> bool:
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (a.end_line, a.end_column)


def plan(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings whose fixes can be applied together, per file; a fix that overlaps an earlier one waits."""
    chosen: dict[str, list[Finding]] = {}
    taken: dict[str, list[Edit]] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        if finding.fix is None or not finding.fix.edits:
            continue
        edits = taken.setdefault(finding.location.path, [])
        fresh = [e for e in finding.fix.edits if e not in edits]
        if any(_overlaps(e, other) for e in fresh for other in edits):
            continue
        edits.extend(fresh)
        chosen.setdefault(finding.location.path, []).append(finding)
    return chosen


def _read(path: str) -> tuple[str, str]:
    with open(path, "rb") as handle:
        data = handle.read()
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding), encoding


def fix_file(path: str, findings: list[Finding], *, write: bool, expected_hash: str | None = None) -> FileFix:
    result = FileFix(path)
    try:
        original, encoding = _read(path)
    except (OSError, SyntaxError, UnicodeDecodeError) as exc:
        result.error = f"cannot read: {exc}"
        return result
    if expected_hash and hashlib.blake2b(original.encode(encoding), digest_size=16).hexdigest() != expected_hash:
        result.error = "changed since it was scanned; run again"
        return result
    edits: list[Edit] = []
    for finding in findings:
        edits.extend(e for e in finding.fix.edits if e not in edits)  # type: ignore[union-attr]
    fixed = apply_edits(original, edits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(fixed)
    except (SyntaxError, ValueError, RecursionError) as exc:
        result.error = f"the fixed file would not parse ({exc}); left unchanged"
        return result
    result.fixed = findings
    result.diff = "".join(difflib.unified_diff(original.splitlines(True), fixed.splitlines(True), f"a/{path}", f"b/{path}"))
    if write and fixed != original:
        write_atomic(Path(path), fixed, encoding=encoding)
    return result


def fix_all(findings: list[Finding], *, write: bool) -> list[FileFix]:
    return [fix_file(path, group, write=write) for path, group in sorted(plan(findings).items())]
