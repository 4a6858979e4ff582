"""Which sink kinds a literal regular expression protects when a value must match it in full.

The pattern is parsed with the standard library's own regex parser; the set of characters it can
ever match (its alphabet) is compared with the characters that matter to each kind of sink. A
value checked against `[a-z0-9.-]{1,253}` cannot carry `;` or `'`, so it is safe in a shell command
or an SQL literal, but it can still name an internal host (SSRF) or hold `..`.
"""

from __future__ import annotations

import string
from functools import lru_cache

try:
    import re._constants as sre_constants  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from bastion.taint import spec

ANY = None  # the alphabet of a pattern that can match any character
_LETTERS = frozenset(string.ascii_letters)
DANGEROUS: dict[str, frozenset[str]] = {
    "command": frozenset(";|&$`<>(){}\n\r'\"\\*?!#~\x00"),
    "sql": frozenset("'\"\\; \t\n\r\x00"),
    "xss": frozenset("<>\"'&`"),
    "path": frozenset("/\\\x00"),
    "ldap": frozenset("*()\\\x00|&=!"),
    "xpath": frozenset("'\"[]()=/@|"),
    "header": frozenset("\r\n"),
    "log": frozenset("\r\n"),
    "redirect": frozenset("/\\:"),
    "ssrf": frozenset("./:@\\"),
    "code": frozenset("()[]._'\"") | _LETTERS,
    "template": frozenset("{}%<>"),
    "regex": frozenset(".*+?()[]{}|\\^$"),
    "nosql": frozenset("${}"),
    "deserialization": frozenset(string.punctuation) | frozenset("\x00\x80"),
    "xxe": frozenset("<>&!%"),
    "trust": frozenset(),
}
_CATEGORIES = {
    "CATEGORY_DIGIT": frozenset(string.digits),
    "CATEGORY_WORD": frozenset(string.ascii_letters + string.digits + "_"),
    "CATEGORY_SPACE": frozenset(" \t\n\r\f\v"),
}


def _alphabet(parsed: object) -> set[str] | None:
    chars: set[str] = set()
    for op, av in parsed:  # type: ignore[attr-defined]
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name in {"ANY", "NOT_LITERAL", "GROUPREF", "GROUPREF_EXISTS"}:
            return ANY
        elif name == "IN":
            for item_op, item in av:
                item_name = str(item_op)
                if item_name == "NEGATE":
                    return ANY
                if item_name == "LITERAL":
                    chars.add(chr(item))
                elif item_name == "RANGE":
                    low, high = item
                    if high - low > 0x3000:
                        return ANY
                    chars.update(chr(c) for c in range(low, high + 1))
                elif item_name == "CATEGORY":
                    known = _CATEGORIES.get(str(item))
                    if known is None:
                        return ANY
                    chars |= known
        elif name == "CATEGORY":
            known = _CATEGORIES.get(str(av))
            if known is None:
                return ANY
            chars |= known
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            inner = _alphabet(av[2])
            if inner is ANY:
                return ANY
            chars |= inner
        elif name in {"SUBPATTERN", "ATOMIC_GROUP"}:
            inner = _alphabet(av[-1])
            if inner is ANY:
                return ANY
            chars |= inner
        elif name == "BRANCH":
            for branch in av[1]:
                inner = _alphabet(branch)
                if inner is ANY:
                    return ANY
                chars |= inner
        elif name in {"AT", "ASSERT", "ASSERT_NOT"}:
            continue
        else:
            return ANY
    return chars


@lru_cache(maxsize=512)
def cleared_by(pattern: str, mode: str) -> frozenset[str]:
    """Kinds a successful `re.<mode>(pattern, value)` makes `value` safe for; mode is
    "fullmatch", "match" or "search", or "pydantic" (search semantics, Rust regex: `$` is the end)."""
    if not isinstance(pattern, str) or len(pattern) > 2000:
        return frozenset()
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return frozenset()
    items = list(parsed)
    starts = mode in {"fullmatch", "match"} or (items and str(items[0][0]) == "AT" and str(items[0][1]) in {"AT_BEGINNING", "AT_BEGINNING_STRING"})
    end = str(items[-1][1]) if items and str(items[-1][0]) == "AT" else ""
    ends = mode == "fullmatch" or end in {"AT_END", "AT_END_STRING"}
    if not (starts and ends):
        return frozenset()
    alphabet = _alphabet(parsed)
    if alphabet is ANY:
        return frozenset()
    if mode in {"match", "search"} and end == "AT_END":
        alphabet = alphabet | {"\n"}  # `$` also matches before a trailing newline
    return frozenset(kind for kind in spec.KINDS if not (DANGEROUS[kind] & alphabet))


del sre_constants
