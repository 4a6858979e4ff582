"""Finding where a value is written: TOML keys and array items, INI keys with continuation lines."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_INI_SECTION = re.compile(r"^\[([^\]]+)\]\s*(?:[#;].*)?$")
_INI_KEY = re.compile(r"^([A-Za-z0-9_.\-]+)\s*[=:]\s*(.*)$")


def _toml_name(text: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in text.split("."))


def toml_key_line(lines: Sequence[str], table: str, key: str) -> int | None:
    """The 0-based index of the line assigning `key` directly inside `[table]`."""
    current = ""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for index, line in enumerate(lines):
        header = _TABLE.match(line)
        if header:
            current = _toml_name(header.group(1))
        elif current == table and pattern.match(line):
            return index
    return None


def find_string(lines: Sequence[str], text: str, start: int = 0, limit: int = 400) -> tuple[int, int] | None:
    """(line index, column) of the quoted string `text` at or after line `start`."""
    for index in range(start, min(len(lines), start + limit)):
        for quote in ('"', "'"):
            column = lines[index].find(f"{quote}{text}{quote}")
            if column >= 0:
                return index, column + 1
    return None


@dataclass(frozen=True, slots=True)
class IniValue:
    section: str
    key: str
    items: tuple[tuple[int, int, str], ...]  # (1-based line, column, text) of each non-empty value line


def ini_values(lines: Sequence[str]) -> Iterator[IniValue]:
    """Every `key = value` of an INI file, continuation lines included, with where each part is."""
    section = ""
    key: str | None = None
    items: list[tuple[int, int, str]] = []
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if key is not None and raw[:1] in (" ", "\t") and stripped:
            if not stripped.startswith(("#", ";")):
                items.append((number, len(raw) - len(raw.lstrip()), stripped))
            continue
        if key is not None:
            yield IniValue(section, key, tuple(items))
            key, items = None, []
        if not stripped or stripped.startswith(("#", ";")):
            continue
        header = _INI_SECTION.match(stripped)
        if header:
            section = header.group(1).strip()
            continue
        match = _INI_KEY.match(raw)
        if match:
            key = match.group(1).strip().lower().replace("-", "_")
            value = match.group(2).strip()
            if value:
                items.append((number, match.start(2), value))
    if key is not None:
        yield IniValue(section, key, tuple(items))
