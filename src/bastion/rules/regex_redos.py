"""Regular expressions whose backtracking can take exponential time (ReDoS)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import Any

from bastion.engine.astutil import argument
from bastion.engine.context import Context
from bastion.model import Finding
from bastion.rules.registry import rule

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

REGEX_FUNCTIONS = frozenset(
    f"{module}.{name}"
    for module in ("re", "regex")
    for name in ("compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")
)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None))
_MAXREPEAT = sre_constants.MAXREPEAT
_SAMPLES = "aA0_ \t\n.-/@:,;'\"<>=+*#()[]{}\\|!?%&$~^`é"
_MAX_PATTERN = 5_000


def _is_repeat(op: Any) -> bool:
    return op in _REPEATS and op is not None and op is not getattr(sre_constants, "POSSESSIVE_REPEAT", object())


def _unbounded(av: Any) -> bool:
    _low, high, _ = av
    return high == _MAXREPEAT or high > 50


def _nullable(items: list) -> bool:
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op: Any, av: Any) -> bool:
    if _is_repeat(op):
        return av[0] == 0 or _nullable(list(av[2]))
    if op is sre_constants.SUBPATTERN:
        return _nullable(list(av[-1]))
    if op is sre_constants.BRANCH:
        return any(_nullable(list(branch)) for branch in av[1])
    return op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _strip_groups(items: list) -> list:
    while len(items) == 1 and items[0][0] is sre_constants.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _matches_char(op: Any, av: Any, char: str) -> bool | None:
    """Whether a single-character item can match `char` (None: not a single-character item)."""
    code = ord(char)
    if op is sre_constants.LITERAL:
        return av == code
    if op is sre_constants.NOT_LITERAL:
        return av != code
    if op is sre_constants.ANY:
        return char != "\n"
    if op is sre_constants.IN:
        negate = bool(av) and av[0][0] is sre_constants.NEGATE
        hit = False
        for inner_op, inner_av in av:
            if inner_op is sre_constants.NEGATE:
                continue
            if inner_op is sre_constants.RANGE:
                hit = hit or inner_av[0] <= code <= inner_av[1]
            else:
                hit = hit or bool(_matches_char(inner_op, inner_av, char))
        return hit != negate
    if op is sre_constants.CATEGORY:
        name = str(av).rsplit("_", 1)[-1].upper()
        checks = {"DIGIT": char.isdigit(), "SPACE": char.isspace(), "WORD": char.isalnum() or char == "_"}
        positive = "NOT" not in str(av).upper()
        for key, value in checks.items():
            if key in name or key in str(av).upper():
                return value if positive else not value
        return None
    return None


def _first_chars(items: list, samples: str) -> set[str]:
    """Sample characters the sequence can start with (approximate, for overlap tests)."""
    result: set[str] = set()
    for op, av in items:
        if _is_repeat(op):
            result |= _first_chars(list(av[2]), samples)
            if av[0] > 0 and not _nullable(list(av[2])):
                return result
            continue
        if op is sre_constants.SUBPATTERN:
            result |= _first_chars(list(av[-1]), samples)
            if not _nullable(list(av[-1])):
                return result
            continue
        if op is sre_constants.BRANCH:
            for branch in av[1]:
                result |= _first_chars(list(branch), samples)
            if not any(_nullable(list(b)) for b in av[1]):
                return result
            continue
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        hits = {char for char in samples if _matches_char(op, av, char)}
        return result | hits
    return result


def _repeats_inside(items: list) -> bool:
    """The sequence is an unbounded repetition padded with parts that can match nothing."""
    items = _strip_groups(items)
    inner = [item for item in items if _is_repeat(item[0]) and _unbounded(item[1])]
    others = [item for item in items if not (_is_repeat(item[0]) and _unbounded(item[1]))]
    return bool(inner) and _nullable(others)


def _overlapping_branch(items: list, samples: str) -> bool:
    for op, av in items:
        if op is sre_constants.BRANCH:
            firsts = [_first_chars(list(branch), samples) for branch in av[1]]
            if any(firsts[i] & firsts[j] for i in range(len(firsts)) for j in range(i + 1, len(firsts))):
                return True
    return False


def _problem(items: list, samples: str, depth: int = 0) -> str | None:
    if depth > 50:
        return None
    for index, (op, av) in enumerate(items):
        if _is_repeat(op) and _unbounded(av) and not (depth == 0 and index == len(items) - 1):
            body = _strip_groups(list(av[2]))
            if _repeats_inside(body):
                return "a repeated group that itself repeats (nested quantifiers)"
            branches = [list(b) for o, a in body if o is sre_constants.BRANCH for b in a[1]]
            if len(body) == 1 and any(_repeats_inside(branch) for branch in branches):
                return "a repeated alternative that itself repeats (nested quantifiers)"
            if _overlapping_branch(body, samples):
                return "alternatives that can match the same text inside a repetition"
        for child in _children(op, av):
            found = _problem(child, samples, depth + 1)
            if found:
                return found
    return None


def _children(op: Any, av: Any) -> list[list]:
    if _is_repeat(op):
        return [list(av[2])]
    if op is sre_constants.SUBPATTERN:
        return [list(av[-1])]
    if op is sre_constants.BRANCH:
        return [list(branch) for branch in av[1]]
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return [list(av[1])]
    return []


def catastrophic(pattern: str | bytes) -> str | None:
    """Why the pattern can backtrack exponentially, or None."""
    if isinstance(pattern, bytes):
        pattern = pattern.decode("latin-1")
    if len(pattern) > _MAX_PATTERN or not any(q in pattern for q in "*+{"):
        return None
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    try:
        literals = {chr(av) for op, av in _flatten(list(parsed)) if op is sre_constants.LITERAL and av < 0x110000}
        samples = _SAMPLES + "".join(sorted(literals))[:200]
        return _problem(list(parsed), samples)
    except RecursionError:
        return None  # absurdly nested groups: not worth a verdict


def _flatten(items: list) -> Iterator[tuple]:
    for op, av in items:
        yield op, av
        for child in _children(op, av):
            yield from _flatten(child)


@rule(
    "BST228",
    "regex-catastrophic-backtracking",
    summary="Regular expression that can backtrack exponentially (ReDoS)",
    calls=REGEX_FUNCTIONS,
    severity="medium",
    confidence="medium",
    cwe=1333,
    owasp="A05",
)
def regex_catastrophic_backtracking(call: ast.Call, ctx: Context) -> Iterator[Finding]:
    """
    ## What it does
    Parses literal patterns given to `re`/`regex` functions and flags nested unbounded quantifiers
    whose inner parts can match the same text in different ways — `(a+)+`, `(\\w+\\s?)*` — and
    repeated alternations whose branches can start the same way, such as `(ab|a.)*`.

    ## Why is this bad?
    Python's regex engine backtracks. On a near-miss input such a pattern tries exponentially many
    ways to split the text; a few dozen characters keep a worker busy for minutes (regular expression
    denial of service).

    ## Example
    ```python
    EMAIL = re.compile(r"^([a-zA-Z0-9_.-]+)+@example\\.com$")
    ```

    ## Use instead
    Make the repetition unambiguous, bound the input length, or use atomic groups/possessive
    quantifiers (Python 3.11+).
    ```python
    EMAIL = re.compile(r"^[a-zA-Z0-9_.-]+@example\\.com$")
    ```

    ## References
    - https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS
    - https://cwe.mitre.org/data/definitions/1333.html

    ## Known limitations
    A repetition that ends the pattern is not reported: nothing after it can fail and force the
    engine to try the other ways. Polynomial backtracking (`\\s*\\s*$`-style adjacent quantifiers) is not reported; character
    overlap is approximated with sample characters.
    """
    pattern = ctx.constant(argument(call, 0, "pattern"))
    if not isinstance(pattern, (str, bytes)):
        return
    reason = catastrophic(pattern)
    if reason is None:
        return
    shown = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
    yield ctx.finding(call, f"pattern `{shown[:60]}` has {reason}; it can backtrack exponentially")
