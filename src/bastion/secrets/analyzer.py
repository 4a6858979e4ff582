"""Secrets in `bastion check`: a file analyzer for Python files (runs in the per-file pass and is
cached with it) and a project analyzer for every other text file (cached per file by content hash)."""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bastion.config import Config, is_enabled
from bastion.engine.analysis import FileFacts, Project, ProjectResult
from bastion.model import Confidence, Diagnostic, DiagnosticKind, Finding, Location, Severity
from bastion.rules import registry
from bastion.secrets import files
from bastion.secrets.redact import redact
from bastion.secrets.rules import CODES

if TYPE_CHECKING:
    from bastion.engine.context import Context
    from bastion.secrets.scanner import Hit, Options

# The scanner (hundreds of compiled patterns) is imported where it is used: a cached scan never is.

SCANNER_VERSION = "2"  # bump when detection changes, to invalidate cached results
CHECKSUM_CODES = frozenset({"BST451", "BST463"})
FIXTURE_DIRS = frozenset({"tests", "test", "testing", "fixtures", "fixture", "testdata", "test_data"})
REDACTED = (("redacted", "true"),)


_LAST: list[tuple[Config, Options | None]] = []  # the per-file pass asks once per file, with one config


def options_for(config: Config) -> Options | None:
    """What to look for, or None when every secret rule is disabled."""
    if _LAST and _LAST[0][0] is config:
        return _LAST[0][1]
    options = _options(config)
    _LAST[:] = [(config, options)]
    return options


def _options(config: Config) -> Options | None:
    codes = frozenset(code for code in CODES if _enabled(config, code))
    if not codes:
        return None
    section = config.section("secrets")
    allow = tuple(re.compile(pattern) for pattern in section.get("allow", ()))
    from bastion.secrets.scanner import DEFAULT_THRESHOLD, Options

    return Options(codes, section.get("entropy-threshold", DEFAULT_THRESHOLD), allow)


def _enabled(config: Config, code: str) -> bool:
    info = registry.info(code)
    return is_enabled(config, code, info.name, info.default_enabled)


def excluded(config: Config, display: str) -> bool:
    patterns = config.section("secrets").get("exclude", ())
    if not patterns:
        return False
    relative = _relative(config, display)
    name = os.path.basename(relative)
    return any(fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(name, glob) for glob in patterns)


def _relative(config: Config, display: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(display), config.root).replace(os.sep, "/")
    except ValueError:
        return display


def is_fixture(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    return bool(FIXTURE_DIRS.intersection(parts[:-1])) or name.startswith("test_") or name.endswith(("_test.py", "conftest.py"))


def redacted_line(line_text: str, line: int, hits: list[Hit]) -> str:
    """The line with every secret found on it redacted, not only the one being reported."""
    spans = sorted(
        ((hit.column, hit.end_column if hit.end_line == line else len(line_text), hit.value) for hit in hits if hit.line == line),
        reverse=True,
    )
    for start, end, value in spans:
        line_text = line_text[:start] + redact(value) + line_text[end:]
    return line_text[:200]


def to_finding(hit: Hit, path: str, snippet: str, fixture: bool) -> Finding:
    rule = registry.info(hit.code)
    shown = redact(hit.value)
    where = f" assigned to `{hit.name}`" if hit.name else ""
    if hit.validated:
        note = " (checksum valid)" if hit.code in CHECKSUM_CODES else ""
    else:
        note = " (checksum does not verify)" if hit.code in CHECKSUM_CODES and hit.value[:3] in {"ghp", "gho", "ghu", "ghs", "ghr", "npm"} else ""
    message = f"{hit.kind} {shown}{where} is hardcoded{note}"
    if hit.code == "BST492":
        message = f"URL embeds the password {shown}"
    confidence = None
    if fixture or hit.confidence == "low":
        confidence = Confidence.LOW
    elif note.startswith(" (checksum does not"):
        confidence = Confidence.MEDIUM
    return Finding(
        rule=rule,
        message=message,
        location=Location(path, hit.line, hit.column, hit.end_line, hit.end_column),
        snippet=snippet,
        severity=Severity.parse(hit.severity) if hit.severity else None,
        confidence=confidence,
        properties=(*REDACTED, ("secret-kind", hit.kind)),
    )


def findings_in(text: str, kind: str, path: str, options: Options, config: Config) -> list[Finding]:
    from bastion.secrets.scanner import scan_text

    return _findings(text, scan_text(text, kind, options), path, config)


def _findings(text: str, hits: list[Hit], path: str, config: Config) -> list[Finding]:
    if not hits:
        return []
    lines = text.split("\n")
    fixture = is_fixture(_relative(config, path))  # relative to the project: a project under tests/ is not a fixture
    return [to_finding(hit, path, redacted_line(lines[hit.line - 1].rstrip("\r"), hit.line, hits), fixture) for hit in hits]


@functools.lru_cache(maxsize=4)  # asked once per file, with the same options
def _finds_what_defaults_find(options: Options) -> bool:
    """Does a scan with these options find exactly what a scan with the defaults finds?"""
    from bastion.secrets.scanner import DEFAULT_THRESHOLD

    return (options.codes is None or set(CODES) <= set(options.codes)) and options.threshold == DEFAULT_THRESHOLD and not options.allow


@dataclass(frozen=True, slots=True)
class PythonSecrets:
    """Per-file pass: secrets in a Python file, cached with the file's other results."""

    name: str = "secrets"

    def prepare(self) -> None:
        import bastion.secrets.scanner  # noqa: F401

    def collect(self, context: Context, config: Config) -> FileFacts:
        """The file's secrets as findings, and the lines reports must show redacted, whatever the
        configuration: the lines come from the same scan when it used the default options."""
        from bastion.secrets.redact import redact_secrets_in_lines, redacted_lines
        from bastion.secrets.scanner import scan_text

        text = context.source.text
        options = options_for(config)
        findings: list[Finding] = []
        redactions = None
        if options is not None and not excluded(config, context.path):
            hits = scan_text(text, "python", options)
            findings = _findings(text, hits, context.path, config)
            if _finds_what_defaults_find(options):
                redactions = redacted_lines(text, hits)
        if redactions is None:
            redactions = redact_secrets_in_lines(text, context.path)
        return FileFacts(findings=findings, redactions=redactions)


@dataclass(frozen=True, slots=True)
class TextFileSecrets:
    """Project pass: secrets in every other text file."""

    name: str = "secrets"
    uses_facts: bool = False  # reads the other files, not the per-file facts

    def analyze(self, project: Project) -> ProjectResult:
        config = project.config
        options = options_for(config)
        result = ProjectResult()
        if options is None:
            return result
        cache = _cache(config, options) if project.use_cache else None
        # One cache entry for all the files (key -> findings), not one per file: writing and
        # reading hundreds of tiny files costs more than scanning them.
        pack_key = cache.key("pack") if cache is not None else None
        stored = cache.get(pack_key) if cache is not None and pack_key is not None else None
        previous: dict[str, Any] = stored if isinstance(stored, dict) else {}
        current: dict[str, Any] | None = {} if cache is not None else None
        for item in project.other_files:
            if files.skip_reason(item.path) or excluded(config, item.display):
                continue
            found, diagnostic = _scan_file(item.path, item.display, config, options, previous, current)
            result.findings.extend(found)
            if diagnostic:
                result.diagnostics.append(diagnostic)
        if cache is not None and pack_key is not None and current is not None and current != previous:
            cache.put(pack_key, current)
        return result


def _cache(config: Config, options: Options):
    if not config.cache:
        return None
    from bastion import __version__
    from bastion.engine.cache import Cache, default_directory

    salt = "|".join(
        ("secrets", __version__, SCANNER_VERSION, ",".join(sorted(options.codes or ())), str(options.threshold),
         "\x1f".join(p.pattern for p in options.allow))
    )
    return Cache(config.cache_dir or default_directory(config.root), salt)


def _scan_file(
    path: str, display: str, config: Config, options: Options, previous: dict[str, Any], current: dict[str, Any] | None
) -> tuple[list[Finding], Diagnostic | None]:
    """Findings in one file: from `previous` (the cached scan) when its content is unchanged; what
    was found is recorded in `current`, keyed by content and name (None: no cache is kept)."""
    from bastion.serialize import finding_from_data, finding_to_data

    data, problem = _read(path, display, config.max_file_size)
    if data is None:
        return [], problem
    if files.skip_content(path, data):
        return [], None
    if current is None:
        return findings_in(files.decode(data), files.kind_of(display), display, options, config), None
    key = f"{hashlib.blake2b(data, digest_size=16).hexdigest()}:{display}"
    cached = previous.get(key)
    if isinstance(cached, list):
        try:
            found = [finding_from_data(entry) for entry in cached]
            current[key] = cached
            return found, None
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    found = findings_in(files.decode(data), files.kind_of(display), display, options, config)
    current[key] = [finding_to_data(finding) for finding in found]
    return found, None


def _read(path: str, display: str, cap: int) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes; regular files only (never a FIFO or device behind a symlink), up to the cap."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, None
        if info.st_size > cap:
            message = f"not scanned for secrets: {info.st_size} bytes is over the {cap}-byte limit"
            return None, Diagnostic(display, DiagnosticKind.TOO_LARGE, message, level="note")
        with open(path, "rb") as handle:
            return handle.read(cap + 1), None
    except OSError as error:
        if error.errno in (40,):  # ELOOP
            return None, Diagnostic(display, DiagnosticKind.SYMLINK_LOOP, "symlink loop")
        return None, Diagnostic(display, DiagnosticKind.UNREADABLE, f"cannot read: {error.strerror or error}")


def scan_paths(items: Iterable[tuple[str, str]], config: Config) -> list[Finding]:
    """Secrets in these (path, display) files, Python or not; for `bastion secrets` on single files."""
    options = options_for(config)
    found: list[Finding] = []
    if options is None:
        return found
    for path, display in items:
        if files.skip_reason(path):
            continue
        findings, _ = _scan_file(path, display, config, options, {}, None)
        found.extend(findings)
    return found


FILE_ANALYZER = PythonSecrets()
PROJECT_ANALYZER = TextFileSecrets()
