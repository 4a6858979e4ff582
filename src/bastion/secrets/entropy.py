"""Shannon entropy and character-set classification of candidate secret values."""

from __future__ import annotations

import math
import re
from collections import Counter

_HEX = re.compile(r"[0-9a-f]+|[0-9A-F]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
_ALNUM = re.compile(r"[A-Za-z0-9]+")


def shannon(value: str) -> float:
    """Bits per character."""
    if not value:
        return 0.0
    length = len(value)
    return -sum(count / length * math.log2(count / length) for count in Counter(value).values())


def charset(value: str) -> str:
    """'hex', 'alnum', 'base64' or 'mixed': the narrowest set the value fits."""
    if _HEX.fullmatch(value):
        return "hex"
    if _ALNUM.fullmatch(value):
        return "alnum"
    if _BASE64.fullmatch(value):
        return "base64"
    return "mixed"


def character_classes(value: str) -> int:
    """How many of lower case, upper case, digits and symbols the value uses."""
    return (
        any(ch.islower() for ch in value)
        + any(ch.isupper() for ch in value)
        + any(ch.isdigit() for ch in value)
        + any(not ch.isalnum() for ch in value)
    )


def looks_random(value: str, threshold: float) -> bool:
    """High entropy for its length and character set. Hex strings can reach at most 4 bits/char, so
    their bar is lower; a value needs letters and digits mixed to count as random."""
    if len(value) < 12 or character_classes(value) < 2:
        return False
    bar = threshold - (0.7 if charset(value) == "hex" else 0.0)
    if len(value) < 20:
        bar -= 0.5  # short strings cannot reach high per-character entropy
    return shannon(value) >= bar
