"""Find secrets in one text: provider detectors over the whole text, the generic detector over
lines with secret-like names. Returns plain hits; turning them into findings is the analyzer's job."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from bastion.secrets import context, placeholders
from bastion.secrets.detectors import DETECTORS, Detector

GENERIC_CODE = "BST490"
PRIVATE_KEY_CODE = "BST491"
SERVICE_ACCOUNT_CODE = "BST456"
MAX_GENERIC_LINE = 10_000  # longer lines are data (images, minified code), not assignments
DEFAULT_THRESHOLD = 3.5


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


@dataclass(frozen=True, slots=True)
class Options:
    codes: Collection[str] | None = None  # rule codes to look for (None: all)
    threshold: float = DEFAULT_THRESHOLD
    allow: tuple[re.Pattern[str], ...] = ()

    def wants(self, code: str) -> bool:
        return self.codes is None or code in self.codes

    def allowed(self, value: str) -> bool:
        return any(pattern.search(value) for pattern in self.allow)


class _Lines:
    """Offsets to (line, column) in a text split on newlines only (like editors and `ast`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index]

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def scan_text(text: str, kind: str, options: Options | None = None) -> list[Hit]:
    options = options or Options()
    lines = _Lines(text)
    hits = list(_provider_hits(text, lines, options))
    if options.wants(GENERIC_CODE):
        taken = {(hit.line, hit.value) for hit in hits}
        covered = {hit.line for hit in hits}
        for hit in _generic_hits(text, lines, kind, options):
            if (hit.line, hit.value) in taken or (hit.line in covered and _overlaps(hit, hits)):
                continue
            hits.append(hit)
    hits.sort(key=lambda hit: (hit.line, hit.column, hit.code))
    return _pair_aws_secrets(hits)


_AWS_SECRET_SHAPE = re.compile(r"[A-Za-z0-9/+]{40}")


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


def _overlaps(hit: Hit, others: Iterable[Hit]) -> bool:
    return any(
        other.line == hit.line and (other.value in hit.value or hit.value in other.value) for other in others
    )


def _provider_hits(text: str, lines: _Lines, options: Options) -> Iterable[Hit]:
    service_account = '"service_account"' in text and '"private_key"' in text
    for detector in DETECTORS:
        code = detector.code
        if code == PRIVATE_KEY_CODE and service_account:
            code = SERVICE_ACCOUNT_CODE
        if not options.wants(code) or not any(keyword in text for keyword in detector.keywords):
            continue
        for match in detector.pattern.finditer(text):
            hit = _provider_hit(detector, code, match, lines, options)
            if hit is not None:
                yield hit


def _provider_hit(detector: Detector, code: str, match: re.Match[str], lines: _Lines, options: Options) -> Hit | None:
    value = match.group("secret")
    if options.allowed(value):
        return None
    if code == "BST492":
        if placeholders.is_placeholder(value) or _url_is_example(match):
            return None
    elif code in (PRIVATE_KEY_CODE, SERVICE_ACCOUNT_CODE):
        pass  # the validator judges the body; the armour lines would read as a placeholder
    elif placeholders.is_placeholder(value) or placeholders.is_public(value):
        return None
    verdict = detector.validate(value) if detector.validate else None
    if verdict is False:
        return None
    line, column = lines.position(match.start("secret"))
    end_line, end_column = lines.position(match.end("secret"))
    kind = "Google service account private key" if code == SERVICE_ACCOUNT_CODE else detector.kind
    return Hit(code, kind, value, line, column, end_line, end_column, verdict, detector.severity)


def _url_is_example(match: re.Match[str]) -> bool:
    return placeholders.is_template(match.group("user"))


def _generic_hits(text: str, lines: _Lines, kind: str, options: Options) -> Iterable[Hit]:
    numbers = sorted({lines.position(m.start())[0] for m in context.PREFILTER.finditer(text)})
    stateful = kind in {"terraform", "yaml"}
    if stateful:
        numbers = range(1, len(lines.starts) + 1)  # block names carry over from line to line
    hint: str | None = None
    for number in numbers:
        line = lines.line(number)
        if len(line) > MAX_GENERIC_LINE:
            continue
        line_kind = kind
        if kind == "notebook":
            line, line_kind = _notebook_line(line), "python"
        if not stateful or hint or context.PREFILTER.search(line):
            for candidate in context.candidates(line, line_kind, hint):
                if options.allowed(candidate.value):
                    continue
                if not context.is_real_value(candidate.value, candidate.name, candidate.strength, options.threshold):
                    continue
                yield _generic_hit(candidate, number, lines.line(number), kind)
        if stateful:
            hint = context.block_hint(line, kind, hint)


def _generic_hit(candidate: context.Candidate, number: int, raw_line: str, kind: str) -> Hit:
    column = candidate.column
    if kind == "notebook":  # the raw line is JSON-escaped: find the value there
        escaped = json.dumps(candidate.value)[1:-1]
        column = max(0, raw_line.find(escaped))
        end = column + len(escaped)
    else:
        end = column + len(candidate.value)
    what = "password" if candidate.strength == "password" else "secret"
    return Hit(GENERIC_CODE, what, candidate.value, number, column, number, end, name=candidate.name)


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
