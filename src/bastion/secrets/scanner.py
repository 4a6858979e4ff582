"""Find secrets in one text. Returns plain hits; turning them into findings is the analyzer's job.

Speed matters (every text file of the project is scanned), so the text is passed over only a few
times, in C: `bytes.find` over a one-byte-per-character map of the text finds runs of token
characters, and provider detectors run only on the lines of runs that contain one of their
keywords; `str.find` locates secret-like names for the generic detector; `PRIVATE KEY` and `://`
anchor the multi-line and URL detectors.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace

from bastion.secrets import context, placeholders
from bastion.secrets.detectors import (
    ANCHORS,
    CREDENTIAL_URL,
    DETECTORS,
    MIN_TOKEN_RUN,
    NAMED_DETECTORS,
    PRIVATE_KEY,
    SHAPE_DETECTORS,
    TOKEN_ANCHOR,
    TOKEN_CHARACTERS,
    Detector,
)

GENERIC_CODE = "BST490"
PRIVATE_KEY_CODE = "BST491"
SERVICE_ACCOUNT_CODE = "BST456"
MAX_GENERIC_LINE = 10_000  # longer lines are data (images, minified code), not assignments
DEFAULT_THRESHOLD = 3.5
_NAME_CODES = frozenset({GENERIC_CODE, *(detector.code for detector in NAMED_DETECTORS)})


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    kind: str  # "AWS access key id", "password", "secret", ...
    value: str  # the secret itself: never printed, only redacted
    line: int  # 1-based
    column: int  # 0-based
    end_line: int
    end_column: int
    validated: bool | None = None  # True: checksum or structure verified
    severity: str | None = None
    name: str = ""  # the variable it is assigned to, when known
    confidence: str | None = None  # "low" for doubtful hits; None: decided by the rule and the path


@dataclass(frozen=True, slots=True)
class Options:
    codes: Collection[str] | None = None  # rule codes to look for (None: all)
    threshold: float = DEFAULT_THRESHOLD
    allow: tuple[re.Pattern[str], ...] = ()

    def wants(self, code: str) -> bool:
        return self.codes is None or code in self.codes

    def allowed(self, value: str) -> bool:
        return any(pattern.search(value) for pattern in self.allow)


class _Text:
    """The text with lazily computed line numbers (split on newlines only, like editors and `ast`)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the line holding `offset`."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end == -1 else end

    def position(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, start) + 1, offset - start


def scan_text(text: str, kind: str, options: Options | None = None) -> list[Hit]:
    options = options or Options()
    source = _Text(text)
    hits = [*_token_hits(source, options), *_private_key_hits(source, options), *_url_hits(source, options)]
    if any(options.wants(code) for code in _NAME_CODES):
        taken = {(hit.line, hit.value) for hit in hits}
        for hit in _generic_hits(source, kind, options):
            if (hit.line, hit.value) in taken or _overlaps(hit, hits):
                continue
            hits.append(hit)
    hits.sort(key=lambda hit: (hit.line, hit.column, hit.code))
    return _pair_aws_secrets(_judge_documentation(hits, source.text, kind))


def _overlaps(hit: Hit, others: Iterable[Hit]) -> bool:
    return any(
        other.line == hit.line and (other.value in hit.value or hit.value in other.value) for other in others
    )


# -- provider detectors ---------------------------------------------------------------------------


def _token_hits(source: _Text, options: Options) -> Iterable[Hit]:
    """Runs of token characters that contain a provider keyword; the detectors then run on their line."""
    text = source.text
    work: dict[tuple[int, int], set[Detector]] = {}
    # The run is matched in place (pattern, start, end) rather than sliced out: the anchors have no
    # look-arounds, so they see exactly what they would in the slice.
    for start, end in _token_runs(text):
        if _NAME_RUN.fullmatch(text, start, end):
            continue  # a dotted or snake_case name: every provider token has digits, capitals or dashes
        if TOKEN_ANCHOR.search(text, start, end) is not None:
            wanted = {d for d in DETECTORS if options.wants(d.code) and ANCHORS[d].search(text, start, end)}
        elif text.count(".", start, end) >= 2:
            wanted = {d for d in SHAPE_DETECTORS if options.wants(d.code) and ANCHORS[d].search(text, start, end)}
        else:
            continue
        if wanted:
            work.setdefault(source.bounds(start), set()).update(wanted)
    claimed: list[tuple[int, int]] = []  # spans already reported: one finding per value
    for (start, end), detectors in sorted(work.items()):
        for detector in sorted(detectors, key=DETECTORS.index):
            for match in detector.pattern.finditer(text, start, end):
                span = match.span("secret")
                if any(span[0] < other[1] and other[0] < span[1] for other in claimed):
                    continue
                hit = _provider_hit(detector, detector.code, match, source, options)
                if hit is not None:
                    claimed.append(span)
                    yield hit


_NAME_RUN = re.compile(r"[a-z_.]+")
# Token characters as `a`, everything else as a space, byte for byte (see `_token_runs`).
_TOKEN_MARKS = bytes(ord("a") if chr(byte) in TOKEN_CHARACTERS else ord(" ") for byte in range(256))
_RUN_NEEDLE = b"a" * MIN_TOKEN_RUN


def _token_runs(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the runs of token characters at least MIN_TOKEN_RUN long.

    A regular expression would try every position of the text; instead each character becomes
    one byte (beyond Latin-1 a `?`, which is no token character either), marked `a` or space, and
    `bytes.find` skips ahead to the next MIN_TOKEN_RUN marks in a row: most of the text is never
    looked at character by character."""
    marks = text.encode("latin-1", "replace").translate(_TOKEN_MARKS)
    start = marks.find(_RUN_NEEDLE)
    while start != -1:
        end = marks.find(b" ", start + MIN_TOKEN_RUN)
        if end == -1:
            end = len(marks)
        yield start, end
        start = marks.find(_RUN_NEEDLE, end)


def _private_key_hits(source: _Text, options: Options) -> Iterable[Hit]:
    text = source.text
    if "PRIVATE KEY" not in text:
        return
    service_account = '"service_account"' in text and '"private_key"' in text
    code = SERVICE_ACCOUNT_CODE if service_account else PRIVATE_KEY_CODE
    if not options.wants(code):
        return
    for match in PRIVATE_KEY.pattern.finditer(text):
        hit = _provider_hit(PRIVATE_KEY, code, match, source, options)
        if hit is not None:
            yield hit


def _url_hits(source: _Text, options: Options) -> Iterable[Hit]:
    text = source.text
    if not options.wants(CREDENTIAL_URL.code):
        return
    lines: set[tuple[int, int]] = set()
    position = text.find("://")
    while position != -1:
        start, end = source.bounds(position)
        if "@" in text[position:end]:
            lines.add((start, end))
        position = text.find("://", end)
    for start, end in sorted(lines):
        for match in CREDENTIAL_URL.pattern.finditer(text, start, end):
            hit = _provider_hit(CREDENTIAL_URL, CREDENTIAL_URL.code, match, source, options)
            if hit is not None:
                yield hit


def _provider_hit(detector: Detector, code: str, match: re.Match[str], source: _Text, options: Options) -> Hit | None:
    value = match.group("secret")
    if options.allowed(value):
        return None
    if code == CREDENTIAL_URL.code:
        if placeholders.is_placeholder(value) or placeholders.is_template(match.group("user")):
            return None
    elif code in (PRIVATE_KEY_CODE, SERVICE_ACCOUNT_CODE):
        pass  # the validator judges the body; the armour lines would read as a placeholder
    elif _stands_in(detector, value):
        return None
    verdict = detector.validate(value) if detector.validate else None
    if verdict is False:
        return None
    line, column = source.position(match.start("secret"))
    end_line, end_column = source.position(match.end("secret"))
    kind = "Google service account private key" if code == SERVICE_ACCOUNT_CODE else detector.kind
    if code == PRIVATE_KEY_CODE and (armour := _ARMOUR.match(value)):
        kind = f"{armour.group(1) or 'PKCS#8 '}private key".replace("ENCRYPTED ", "encrypted ")
    user = match.group("user") if code == CREDENTIAL_URL.code else ""
    return Hit(code, kind, value, line, column, end_line, end_column, verdict, detector.severity, name=user)


def _stands_in(detector: Detector, value: str) -> bool:
    """A placeholder or public value in the detector's shape. Formats padded with one repeated
    character (`AAAA…`) are judged by markers only: their runs are not a sign of a stand-in."""
    if detector.filler:
        return placeholders.is_template(value)
    return placeholders.is_placeholder(value) or placeholders.is_public(value)


_AWS_SECRET_SHAPE = re.compile(r"[A-Za-z0-9/+]{40}")
_ARMOUR = re.compile(r"-----BEGIN ((?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY")


def _pair_aws_secrets(hits: list[Hit]) -> list[Hit]:
    """A 40-character base64 secret a few lines from an AWS access key id is that key's secret
    (`access_key`/`secret_key` in a Terraform provider block, a credentials file)."""
    key_lines = [hit.line for hit in hits if hit.kind == "AWS access key id"]
    if not key_lines:
        return hits
    paired = []
    for hit in hits:
        if hit.code == GENERIC_CODE and _AWS_SECRET_SHAPE.fullmatch(hit.value) and any(abs(hit.line - line) <= 5 for line in key_lines):
            hit = replace(hit, code="BST450", kind="AWS secret access key")
        paired.append(hit)
    return paired


# -- the generic detector -------------------------------------------------------------------------


def _candidate_lines(source: _Text, kind: str) -> list[tuple[int, int]]:
    """Bounds of the lines where a secret-like word is followed by an assignment, and of those
    that hold `bearer` or a command line's `-u`/`--user` option."""
    lowered = _lowered(source.text)
    found: set[tuple[int, int]] = set()
    follow = context.FOLLOW_DOCKER if kind in {"dockerfile", "netrc"} else context.FOLLOW
    for word in context.NAME_WORDS:
        _add_lines(found, source, lowered, word, lambda position, word=word: follow.match(lowered, position + len(word)) is not None)
    _add_lines(found, source, lowered, "bearer")
    # ` -u ` and `--user` share `-u`, one character in: one pass over the text finds both.
    options = (" -u ", "--user")
    _add_lines(found, source, lowered, "-u", lambda position: position > 0 and lowered.startswith(options, position - 1))
    return sorted(found)


def _lowered(text: str) -> str:
    """The text with its ASCII letters lower-cased, all the name search can see. Other characters
    are kept, so that offsets in it are offsets in the text: `str.lower()` makes `İ` two characters,
    after which every line found was the wrong one, and the search could come back to the same
    word for ever. (It is also several times faster on non-ASCII text.)"""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _add_lines(
    found: set[tuple[int, int]],
    source: _Text,
    lowered: str,
    word: str,
    accept: Callable[[int], bool] | None = None,
) -> None:
    """Add the bounds of each line where `word` occurs at a position that `accept`s (any position
    when it is None)."""
    position = lowered.find(word)
    while position != -1:
        if accept is None or accept(position):
            bounds = source.bounds(position)
            found.add(bounds)
            position = lowered.find(word, bounds[1])
        else:
            position = lowered.find(word, position + len(word))


def _generic_hits(source: _Text, kind: str, options: Options) -> Iterable[Hit]:
    text = source.text
    if kind in {"terraform", "yaml"}:
        yield from _stateful_hits(source, kind, options)
        return
    number, previous = 1, 0
    for start, end in _candidate_lines(source, kind):
        number += text.count("\n", previous, start)
        previous = start
        if end - start <= MAX_GENERIC_LINE:
            yield from _line_hits(text[start:end].rstrip("\r"), number, kind, None, options)


# Hits judged by where they are: a name assigned a value, or a URL's password.
_EXAMPLE_CODES = _NAME_CODES | {CREDENTIAL_URL.code}


def _judge_documentation(hits: list[Hit], text: str, kind: str) -> list[Hit]:
    """In documentation (docstrings, comments, prose files) a credential is mostly an example:
    well-known demo passwords (`scott:tiger`) are dropped, other values kept with low confidence.
    Provider formats keep their confidence: a real token pasted into a README is still live."""
    if kind not in {"python", "docs"} or not any(hit.code in _EXAMPLE_CODES for hit in hits):
        return hits
    documentation = _documentation_lines(text) if kind == "python" else None  # None: every line
    judged = []
    for hit in hits:
        if hit.code in _EXAMPLE_CODES and (documentation is None or hit.line in documentation):
            if placeholders.is_demo_password(hit.value) or (hit.code == CREDENTIAL_URL.code and placeholders.is_demo_user(hit.name)):
                continue
            hit = replace(hit, confidence="low")
        judged.append(hit)
    return judged


def _documentation_lines(text: str) -> set[int]:
    """Line numbers of docstrings and of comment lines."""
    starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]
    lines: set[int] = set()
    for first, last in _docstrings(text):
        lines.update(range(bisect.bisect_right(starts, first), bisect.bisect_right(starts, last) + 1))
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("#"):
            lines.add(number)
    return lines


_NEWLINE = re.compile("\n")
_TRIPLE_QUOTE = re.compile(r"\"\"\"|\'\'\'")


def _docstrings(text: str) -> list[tuple[int, int]]:
    """Spans of triple-quoted strings that stand alone on their line (docstrings), as opposed to
    assigned ones (`KEY = \"\"\"…`). Approximate: quotes inside other strings are not tracked."""
    if '"""' not in text and "\'\'\'" not in text:
        return []
    spans = []
    opening: re.Match[str] | None = None
    for match in _TRIPLE_QUOTE.finditer(text):
        if opening is None:
            opening = match
        elif match.group() == opening.group():
            line_start = text.rfind("\n", 0, opening.start()) + 1
            if not text[line_start : opening.start()].strip(" \trRuUbBfF"):
                spans.append((opening.start(), match.end()))
            opening = None
    return spans


def _stateful_hits(source: _Text, kind: str, options: Options) -> Iterable[Hit]:
    """Terraform and YAML: a `default =` or `value:` takes its name from the block around it."""
    hint: str | None = None
    for number, line in enumerate(source.text.split("\n"), 1):
        line = line.rstrip("\r")
        if len(line) <= MAX_GENERIC_LINE and (hint or context.PREFILTER.search(line)):
            yield from _line_hits(line, number, kind, hint, options)
        hint = context.block_hint(line, kind, hint)


def _line_hits(raw: str, number: int, kind: str, hint: str | None, options: Options) -> Iterable[Hit]:
    line, line_kind = (_notebook_line(raw), "python") if kind == "notebook" else (raw, kind)
    for candidate in context.candidates(line, line_kind, hint):
        if options.allowed(candidate.value):
            continue
        if not context.is_real_value(candidate.value, candidate.name, candidate.strength, options.threshold):
            continue
        hit = _generic_hit(candidate, number, raw, kind)
        if options.wants(hit.code):
            yield hit


def _generic_hit(candidate: context.Candidate, number: int, raw_line: str, kind: str) -> Hit:
    column = candidate.column
    if kind == "notebook":  # the raw line is JSON-escaped: find the value there
        escaped = json.dumps(candidate.value)[1:-1]
        column = max(0, raw_line.find(escaped))
        end = column + len(escaped)
    else:
        end = column + len(candidate.value)
    code, what = GENERIC_CODE, "password" if candidate.strength == "password" else "secret"
    words = set(context.words(candidate.name))
    for named in NAMED_DETECTORS:
        if all(words & required for required in named.name_words) and named.value.fullmatch(candidate.value):
            code, what = named.code, named.kind
            break
    # A password of letters only may be a label in a translation file ("Passwort"): low confidence.
    doubtful = candidate.strength == "password" and candidate.value.isalpha()
    return Hit(code, what, candidate.value, number, column, number, end, name=candidate.name, confidence="low" if doubtful else None)


def _notebook_line(raw: str) -> str:
    """A notebook stores cell sources and outputs as JSON strings, one per line of the cell."""
    stripped = raw.strip().rstrip(",")
    if len(stripped) >= 2 and stripped[0] == '"' and stripped[-1] == '"':
        try:
            decoded = json.loads(stripped)
        except ValueError:
            return raw
        if isinstance(decoded, str):
            return decoded
    return raw
