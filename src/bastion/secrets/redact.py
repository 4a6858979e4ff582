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
