"""Reading one Python file: bytes, decoding (BOM, PEP 263), parsing once, and a line index.

Every way a file can fail to become a syntax tree ends here as a `Diagnostic`, never an exception.
"""

from __future__ import annotations

import ast
import io
import os
import tokenize
import warnings
from dataclasses import dataclass
from functools import cached_property

from bastion.model import Diagnostic, DiagnosticKind

DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024




@dataclass
class SourceFile:
    """A decoded file and its tree. `path` is as reported to the user (relative where possible)."""

    path: str
    text: str
    tree: ast.Module
    content_hash: str = ""

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def line(self, number: int) -> str:
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def segment(self, node: ast.AST) -> str:
        """The source text of a node (first line only for very long spans)."""
        start = getattr(node, "lineno", None)
        if start is None:
            return ""
        end = getattr(node, "end_lineno", start) or start
        if end - start > 20:
            return self.line(start).strip()
        lines = self.lines[start - 1 : end]
        if not lines:
            return ""
        end_col = getattr(node, "end_col_offset", None)
        col = getattr(node, "col_offset", 0)
        if len(lines) == 1:
            return lines[0][col:end_col] if end_col is not None else lines[0][col:]
        first = lines[0][col:]
        last = lines[-1][:end_col] if end_col is not None else lines[-1]
        return "\n".join([first, *lines[1:-1], last])


class SourceError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_bytes(path: str, display_path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> bytes:
    def fail(kind: DiagnosticKind, message: str) -> SourceError:
        return SourceError(Diagnostic(display_path, kind, message, level="error"))

    try:
        if os.path.islink(path) and not os.path.exists(path):
            try:
                os.stat(path)
            except OSError as exc:
                if exc.errno == 40:  # ELOOP
                    raise fail(DiagnosticKind.SYMLINK_LOOP, "symbolic link loop") from None
            raise fail(DiagnosticKind.BROKEN_SYMLINK, "broken symbolic link")
        size = os.path.getsize(path)
        if size > max_bytes:
            raise fail(
                DiagnosticKind.TOO_LARGE,
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (max-file-size)",
            )
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except SourceError:
        raise
    except PermissionError:
        raise fail(DiagnosticKind.UNREADABLE, "permission denied") from None
    except IsADirectoryError:
        raise fail(DiagnosticKind.UNREADABLE, "is a directory") from None
    except OSError as exc:
        if exc.errno == 40:
            raise fail(DiagnosticKind.SYMLINK_LOOP, "symbolic link loop") from None
        raise fail(DiagnosticKind.UNREADABLE, exc.strerror or str(exc)) from None


def decode(data: bytes, display_path: str) -> str:
    """Decode per PEP 263 and PEP 3120: BOM, coding cookie, else UTF-8."""
    if b"\x00" in data:
        raise SourceError(
            Diagnostic(display_path, DiagnosticKind.BINARY, "file contains NUL bytes; not Python source", level="error")
        )
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:
        raise SourceError(Diagnostic(display_path, DiagnosticKind.DECODE_ERROR, str(exc), level="error")) from None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(
            Diagnostic(display_path, DiagnosticKind.DECODE_ERROR, f"cannot decode as {encoding}: {exc}", level="error")
        ) from None
    return text.removeprefix("\ufeff")


def parse(text: str | bytes, display_path: str) -> ast.Module:
    """Parse source text, or source bytes (the parser then decodes them per PEP 263 itself)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes in scanned code
            return ast.parse(text, filename=display_path, type_comments=False)
    except SyntaxError as exc:
        raise SourceError(
            Diagnostic(
                display_path,
                DiagnosticKind.SYNTAX_ERROR,
                f"syntax error: {exc.msg}",
                line=exc.lineno,
                level="error",
            )
        ) from None
    except (RecursionError, MemoryError):
        raise SourceError(
            Diagnostic(display_path, DiagnosticKind.TOO_DEEP, "nesting too deep to parse", level="error")
        ) from None
    except ValueError as exc:  # e.g. source code string cannot contain null bytes
        raise SourceError(Diagnostic(display_path, DiagnosticKind.BINARY, str(exc), level="error")) from None


def load(path: str, display_path: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> SourceFile:
    """Read, decode and parse; raises `SourceError` carrying a diagnostic."""
    data = read_bytes(path, display_path, max_bytes)
    return from_bytes(data, display_path)


def from_bytes(data: bytes, display_path: str) -> SourceFile:
    from hashlib import blake2b

    text = decode(data, display_path)
    tree = parse(data, display_path)  # the bytes: spares the parser re-encoding the text
    return SourceFile(display_path, text, tree, blake2b(data, digest_size=16).hexdigest())
