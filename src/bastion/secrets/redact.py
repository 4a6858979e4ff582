"""The one way a secret value is ever shown: a short prefix and its length."""

from __future__ import annotations

import functools
from dataclasses import dataclass


def redact(value: str) -> str:
    """`AKIAIOSFODNN7EXAMPLE` -> `AKIA…(20 chars)`. At most a quarter of the value (and never more
    than four characters) is kept, so short passwords show almost nothing."""
    keep = min(4, len(value) // 4)
    return f"{value[:keep]}…({len(value)} chars)"


def redact_in(text: str, value: str) -> str:
    """`text` with every occurrence of `value` replaced by its redacted form."""
    return text.replace(value, redact(value)) if value else text


def redact_secrets_in_lines(text: str, path: str) -> dict[int, str]:
    """Line number -> the line with every secret on it redacted, for lines that hold one.

    Reports that show source text (excerpts, snippets of other rules' findings) pass each line
    through this so a secret next to, or on the same line as, another finding is never shown.
    """
    from bastion.secrets.files import kind_of
    from bastion.secrets.scanner import scan_text

    return redacted_lines(text, scan_text(text, kind_of(path)))


def redacted_lines(text: str, hits: list) -> dict[int, str]:
    """Line number -> the line with every one of `hits` on it redacted (hits of a default scan)."""
    from bastion.secrets.analyzer import redacted_line

    if not hits:
        return {}
    lines = text.split("\n")
    return {hit.line: redacted_line(lines[hit.line - 1].rstrip("\r"), hit.line, hits) for hit in hits if 0 < hit.line <= len(lines)}


# display path -> redactions found when the last scan read the file (its per-file pass, maybe cached)
_KNOWN: dict[str, dict[int, str]] = {}


def remember(redactions: dict[str, dict[int, str]]) -> None:
    """Redactions the scan already knows, so reports need not look for secrets in those files again
    (what an earlier scan in this process knew is forgotten: those files may have changed since)."""
    _KNOWN.clear()
    _KNOWN.update(redactions)
    _redacted_source.cache_clear()


@dataclass(frozen=True, slots=True)
class RedactedSource:
    lines: tuple[str, ...]
    redacted: frozenset[int]  # 1-based numbers of the lines that held a secret


def redacted_source(path: str) -> RedactedSource:
    """A file as reports may show it, read and scanned once per version of the file."""
    import os

    try:
        status = os.stat(path)
    except OSError:
        return RedactedSource((), frozenset())
    return _redacted_source(path, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=256)
def _redacted_source(path: str, mtime_ns: int, size: int) -> RedactedSource:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(4_000_000)
    except OSError:
        return RedactedSource((), frozenset())
    lines = text.splitlines()
    known = _KNOWN.get(path)
    found = known if known is not None else redact_secrets_in_lines(text, path)
    replaced = {number: line for number, line in found.items() if number <= len(lines)}
    for number, line in replaced.items():
        lines[number - 1] = line
    return RedactedSource(tuple(lines), frozenset(replaced))
