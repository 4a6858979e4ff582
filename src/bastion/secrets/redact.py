"""The one way a secret value is ever shown: a short prefix and its length."""

from __future__ import annotations


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
    from bastion.secrets.analyzer import redacted_line
    from bastion.secrets.files import kind_of
    from bastion.secrets.scanner import scan_text

    hits = scan_text(text, kind_of(path))
    if not hits:
        return {}
    lines = text.split("\n")
    return {hit.line: redacted_line(lines[hit.line - 1].rstrip("\r"), hit.line, hits) for hit in hits if 0 < hit.line <= len(lines)}
