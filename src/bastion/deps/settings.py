"""Settings for [tool.bastion.deps]: key -> validator (value -> parsed value; raises ValueError)."""

from collections.abc import Callable
from pathlib import Path
from typing import Any


def _path(value: Any) -> Path:
    if isinstance(value, str) and value:
        return Path(value).expanduser()
    raise ValueError("expected a path string")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError("expected true or false")


def _ids(value: Any) -> tuple[str, ...]:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(item.strip() for item in value)
    raise ValueError("expected a list of advisory ids (PYSEC-..., GHSA-..., CVE-...)")


KEYS: dict[str, Callable[[Any], Any]] = {
    "database": _path,  # the advisory database to read instead of the one in the user cache directory
    "report-unpinned": _bool,  # BST603 for applications' unpinned requirements (default true)
    "ignore-vulnerabilities": _ids,  # accepted risks: advisory ids or aliases never reported
}
