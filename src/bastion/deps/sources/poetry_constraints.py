"""Poetry's version constraints (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `a || b`) as PEP 440 specifiers."""

from __future__ import annotations

import re

_BARE = re.compile(r"^\d+(\.\d+)*([a-z]+\d*)?(\.post\d+)?(\.dev\d+)?$", re.IGNORECASE)


def _release(version: str) -> list[int]:
    parts = []
    for piece in version.split("."):
        digits = re.match(r"\d+", piece)
        if not digits:
            break
        parts.append(int(digits.group()))
    return parts


def _caret(version: str) -> str:
    release = _release(version)
    if not release:
        return f">={version}"
    bump = next((i for i, part in enumerate(release) if part != 0), len(release) - 1)
    upper = [*release[:bump], release[bump] + 1]
    return f">={version},<{'.'.join(map(str, upper))}"


def _tilde(version: str) -> str:
    release = _release(version)
    if len(release) <= 1:
        return f">={version},<{(release[0] if release else 0) + 1}"
    upper = [release[0], release[1] + 1]
    return f">={version},<{'.'.join(map(str, upper))}"


def _single(constraint: str) -> str:
    constraint = constraint.strip()
    if constraint in {"", "*"}:
        return ""
    if constraint.startswith("^"):
        return _caret(constraint[1:].strip())
    if constraint.startswith("~") and not constraint.startswith("~="):
        return _tilde(constraint[1:].strip())
    if _BARE.match(constraint) or (constraint.endswith(".*") and _BARE.match(constraint[:-2])):
        return f"=={constraint}"
    parts = [p.strip() for p in re.split(r",|\s+(?=[<>=!~^])", constraint) if p.strip()]
    converted = []
    for part in parts:
        if part.startswith(("^", "~")) and not part.startswith("~="):
            converted.append(_single(part))
        elif part.startswith("=") and not part.startswith("=="):
            converted.append("=" + part)
        elif _BARE.match(part):
            converted.append(f"=={part}")
        else:
            converted.append(part.replace(" ", ""))
    return ",".join(c for c in converted if c)


def to_pep440(constraint: str) -> str:
    """`a || b` unions stay joined by ` || `; each side is a PEP 440 specifier set."""
    alternatives = [_single(part) for part in constraint.split("||")]
    if any(alternative == "" for alternative in alternatives):
        return ""
    return " || ".join(alternatives)
