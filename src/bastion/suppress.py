"""Inline suppressions.

- `# bastion: ignore[BST201,eval-used]` silences those rules (codes or names) on the whole statement
  the comment is written on, however many lines it spans; `# bastion: ignore` silences every rule.
- `# bastion: ignore-file[...]` / `# bastion: ignore-file` anywhere in a file applies to the file.
- Bandit's `# nosec` / `# nosec B602,B603` is honoured only when `honor-nosec = true`; Bandit ids are
  mapped to the Bastion rules that replace them.

Comments are found with `tokenize`, so a `#` inside a string is never mistaken for one. For files
that are not Python (secrets in `.env`, YAML, ...) the same comments apply to their own line.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass

from bastion.model import Finding

_DIRECTIVE = re.compile(
    r"bastion\s*:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?", re.IGNORECASE
)
_NOSEC = re.compile(r"#\s*nosec\b(?::?\s*(?P<ids>[A-Za-z]\d{3}(?:[\s,]+[A-Za-z]\d{3})*))?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    start: int  # first line of the statement it covers (0 for file-wide)
    end: int
    codes: tuple[str, ...] | None  # None: every rule
    comment_line: int
    kind: str  # "ignore", "ignore-file" or "nosec"

    def covers(self, finding: Finding) -> bool:
        if not self.start <= finding.location.line <= self.end and self.kind != "ignore-file":
            return False
        if self.codes is None:
            return True
        return finding.rule.code in self.codes or finding.rule.name in self.codes

    def to_data(self) -> list:
        return [self.start, self.end, list(self.codes) if self.codes is not None else None, self.comment_line, self.kind]

    @classmethod
    def from_data(cls, data: list) -> Suppression:
        start, end, codes, line, kind = data
        return cls(start, end, tuple(codes) if codes is not None else None, line, kind)


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    items = tuple(item.strip() for item in re.split(r"[,\s]+", text) if item.strip())
    return tuple(item.upper() if item.upper().startswith("BST") else item.lower() for item in items) or None


def _comments(text: str) -> Iterable[tuple[int, str]]:
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string
    except (tokenize.TokenError, SyntaxError):
        for number, line in enumerate(text.splitlines(), 1):
            if "#" in line:
                yield number, line[line.index("#") :]


def statement_spans(tree: ast.Module) -> list[tuple[int, int]]:
    """Line spans of statements; a compound statement's span is its header (decorators included)."""
    spans: list[tuple[int, int]] = []
    pending: list[list[ast.stmt]] = [tree.body]
    while pending:
        for statement in pending.pop():
            bodies = [getattr(statement, name, None) for name in ("body", "orelse", "finalbody", "handlers", "cases")]
            bodies = [body for body in bodies if isinstance(body, list) and body]
            start = statement.lineno
            decorators = getattr(statement, "decorator_list", None)
            if decorators:
                start = min(start, *(d.lineno for d in decorators))
            if bodies:
                first_child = min(child.lineno for body in bodies for child in body)
                spans.append((start, max(start, first_child - 1)))
                for body in bodies:
                    if body and isinstance(body[0], ast.stmt):
                        pending.append(body)
                    else:  # except handlers and match cases hold statements one level down
                        for holder in body:
                            spans.append((holder.lineno, max(holder.lineno, holder.body[0].lineno - 1)))
                            pending.append(holder.body)
            else:
                spans.append((start, statement.end_lineno or start))
    return spans


def _innermost(spans: list[tuple[int, int]], line: int) -> tuple[int, int]:
    best = (line, line)
    best_size = None
    for start, end in spans:
        if start <= line <= end and (best_size is None or end - start < best_size):
            best, best_size = (start, end), end - start
    return best


def find(text: str, tree: ast.Module | None, honor_nosec: bool, bandit_map: dict[str, tuple[str, ...]] | None = None) -> list[Suppression]:
    lowered = text.lower()
    if "bastion" not in lowered and not (honor_nosec and "nosec" in lowered):
        return []
    spans = statement_spans(tree) if tree is not None else []
    found: list[Suppression] = []
    for line, comment in _comments(text):
        match = _DIRECTIVE.search(comment)
        if match:
            codes = _codes(match.group("codes"))
            if match.group("kind").lower() == "ignore-file":
                found.append(Suppression(0, 0, codes, line, "ignore-file"))
            else:
                start, end = _innermost(spans, line)
                found.append(Suppression(start, end, codes, line, "ignore"))
            continue
        if honor_nosec:
            nosec = _NOSEC.search(comment)
            if nosec:
                start, end = _innermost(spans, line)
                ids = _codes(nosec.group("ids"))
                codes = None
                if ids is not None:
                    mapping = bandit_map or {}
                    codes = tuple(code for bandit_id in ids for code in mapping.get(bandit_id.upper(), ()))
                found.append(Suppression(start, end, codes, line, "nosec"))
    return found


def find_in_text_file(text: str) -> list[Suppression]:
    """Line-level suppressions for files that are not Python (any comment syntax)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _DIRECTIVE.search(line)
        if match:
            codes = _codes(match.group("codes"))
            kind = match.group("kind").lower()
            found.append(Suppression(0 if kind == "ignore-file" else number, 0 if kind == "ignore-file" else number, codes, number, kind))
    return found


def apply(findings: list[Finding], suppressions: list[Suppression]) -> tuple[list[Finding], list[Finding], set[Suppression]]:
    """Split findings into (kept, suppressed) and return the suppressions that were used."""
    if not suppressions:
        return findings, [], set()
    kept, dropped, used = [], [], set()
    for finding in findings:
        hit = next((s for s in suppressions if s.covers(finding)), None)
        if hit is None:
            kept.append(finding)
        else:
            dropped.append(finding)
            used.add(hit)
    return kept, dropped, used
