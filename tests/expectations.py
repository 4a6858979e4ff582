"""Fixture files annotate the findings they expect, line by line: `eval(x)  # expect: BST201`.

Lines without an annotation must produce nothing; comparison is exact, both ways. A header comment
`# fixture-rules: BST201, BST202` limits the comparison to those rules (default: the fixture's
directory name when it is a rule code, else every rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>BST\d{3}(?:\s*,\s*BST\d{3})*)")
HEADER = re.compile(r"#\s*fixture-rules:\s*(?P<codes>BST\d{3}(?:\s*,\s*BST\d{3})*)")


def _codes(text: str) -> set[str]:
    return {code.strip() for code in text.split(",")}


def expected(text: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(text.splitlines(), 1):
        match = EXPECT.search(line)
        if match:
            found |= {(number, code) for code in _codes(match.group("codes"))}
    return found


def scope(text: str, path: Path) -> set[str] | None:
    match = HEADER.search(text)
    if match:
        return _codes(match.group("codes"))
    if re.fullmatch(r"BST\d{3}", path.parent.name):
        return {path.parent.name}
    return None


def actual(findings: Iterable, rules: set[str] | None) -> set[tuple[int, str]]:
    return {(f.location.line, f.rule.code) for f in findings if rules is None or f.rule.code in rules}


def compare(expected_set: set[tuple[int, str]], actual_set: set[tuple[int, str]]) -> str:
    missing = sorted(expected_set - actual_set)
    unexpected = sorted(actual_set - expected_set)
    lines = [f"  missing    line {n}: {c}" for n, c in missing] + [f"  unexpected line {n}: {c}" for n, c in unexpected]
    return "\n".join(lines)
