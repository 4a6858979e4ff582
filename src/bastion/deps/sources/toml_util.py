"""Reading TOML manifests: parse errors become diagnostics."""

from __future__ import annotations

import tomllib
from typing import Any

from bastion.deps.files import ManifestError, parse_error, read_text


def load(path: str, display: str) -> tuple[str, dict[str, Any]]:
    text = read_text(path, display)
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(parse_error(display, f"invalid TOML: {error}")) from None
    except RecursionError:
        raise ManifestError(parse_error(display, "TOML nested too deeply")) from None


def table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def array(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def string(value: Any) -> str | None:
    return value if isinstance(value, str) else None
