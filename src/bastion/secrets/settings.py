"""Settings for [tool.bastion.secrets]: key -> validator (value -> parsed value; raises ValueError).

    [tool.bastion.secrets]
    exclude = ["docs/**", "*.example"]      # extra globs of files not scanned for secrets
    entropy-threshold = 3.5                 # bits per character for generic keys and tokens
    allow = ["^sk_test_", "dev-only-"]     # regexes of values that are never reported
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def _globs(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of glob patterns")
    return tuple(value)


def _threshold(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1.0 <= value <= 6.0:
        raise ValueError("expected a number of bits per character between 1 and 6")
    return float(value)


def _regexes(value: Any) -> tuple[str, ...]:
    patterns = _globs(value)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None
    return patterns


KEYS: dict[str, Callable[[Any], Any]] = {
    "exclude": _globs,
    "entropy-threshold": _threshold,
    "allow": _regexes,
}
