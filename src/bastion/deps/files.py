"""Reading manifests defensively and finding the line a value was declared on."""

from __future__ import annotations

import os
import re

from bastion.model import Diagnostic, DiagnosticKind

MAX_MANIFEST_BYTES = 20 * 1024 * 1024


class ManifestError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_text(path: str, display: str, limit: int = MAX_MANIFEST_BYTES) -> str:
    """The file's text (UTF-8, BOM tolerated); a `ManifestError` carrying a diagnostic otherwise."""
    try:
        if os.path.getsize(path) > limit:
            raise ManifestError(Diagnostic(display, DiagnosticKind.TOO_LARGE, f"manifest larger than {limit} bytes; not audited"))
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise ManifestError(Diagnostic(display, DiagnosticKind.UNREADABLE, f"cannot read manifest: {error.strerror or error}")) from None
    if b"\x00" in data[:8192]:
        raise ManifestError(Diagnostic(display, DiagnosticKind.BINARY, "manifest looks binary; not audited"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ManifestError(
            Diagnostic(display, DiagnosticKind.DECODE_ERROR, f"manifest is not UTF-8 (byte {error.start}); not audited")
        ) from None


def parse_error(display: str, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(display, DiagnosticKind.SYNTAX_ERROR, message, line=line)


class LineFinder:
    """Finds, in order, the lines on which values were declared (TOML and JSON parsers keep none).

    Searches move forward from the last match so repeated names resolve to successive lines; a
    pattern not found ahead is searched from the top; 0 when it is nowhere."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.cursor = 0

    def find(self, pattern: str | re.Pattern[str]) -> int:
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        for start, stop in ((self.cursor, len(self.lines)), (0, self.cursor)):
            for index in range(start, stop):
                if regex.search(self.lines[index]):
                    self.cursor = index + 1
                    return index + 1
        return 0

    def find_literal(self, value: str) -> int:
        quoted = "|".join(re.escape(q + value + q) for q in ('"', "'"))
        return self.find(quoted)

    def find_key(self, key: str) -> int:
        """A TOML or INI key at the start of a line: `name =`, `"name" =`."""
        name = re.escape(key)
        return self.find(rf"^\s*(?:{name}|\"{name}\"|'{name}')\s*[=:]")
