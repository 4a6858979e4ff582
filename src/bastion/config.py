"""`[tool.bastion]` in pyproject.toml (or a bastion.toml) into one frozen `Config`.

Configuration is found upward from the first target. Unknown keys and bad values raise
`ConfigError`, naming the key and the file; the CLI turns that into exit code 2.

Analyses keep their own settings in sub-tables (`[tool.bastion.taint]`, ...); each declares its keys
in a `settings` module (`SECTIONS` below) so unknown keys there are caught too.
"""

from __future__ import annotations

import importlib
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bastion.model import Confidence, Practice, Severity

DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".env/",  # a virtualenv directory; `.env` files hold settings and are scanned for secrets
    "env",
    ".tox",
    ".nox",
    "node_modules",
    "build",
    "dist",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".bastion_cache",
    "site-packages",
    "*.egg-info",
)

# Sub-table name -> module whose `KEYS` maps each key to a validator (value -> value, raises ValueError).
SECTIONS = {
    "taint": "bastion.taint.settings",
    "routes": "bastion.routes.settings",
    "deps": "bastion.deps.settings",
    "interpreter": "bastion.interpreter.settings",
    "secrets": "bastion.secrets.settings",
}


class ConfigError(Exception):
    """A configuration problem the user must fix; the message names the key and the file."""


@dataclass(frozen=True, slots=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None  # the file the settings came from, if any
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Severity = Severity.INFO
    confidence: Confidence = Confidence.LOW
    fail_on: Severity | None = Severity.LOW
    honor_nosec: bool = False
    respect_gitignore: bool = True
    max_file_size: int = 5 * 1024 * 1024
    jobs: int = 0  # 0: one per CPU
    cache: bool = True
    cache_dir: Path | None = None
    report_unused_suppressions: bool = False
    scan_tests: bool = False  # rules that skip test code by default run there too
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name, {})

    def with_overrides(self, **overrides: Any) -> Config:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def fingerprint(self) -> str:
        """What the per-file cache must be keyed on: every setting that changes a file's results."""
        relevant = (
            self.honor_nosec,
            self.scan_tests,
            sorted((k, sorted(v.items())) for k, v in self.sections.items()),
        )
        return repr(relevant)


# -- validators -----------------------------------------------------------------------------------


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ValueError("expected a list of strings")


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError("expected true or false")


def _positive_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ValueError("expected a non-negative integer")


def _severity(value: Any) -> Severity:
    try:
        return Severity.parse(value)
    except (KeyError, AttributeError):
        raise ValueError(f"expected one of {', '.join(s.label for s in Severity)}") from None


def _fail_on(value: Any) -> Severity | None:
    if isinstance(value, str) and value.strip().lower() in {"none", "never"}:
        return None
    return _severity(value)


def _confidence(value: Any) -> Confidence:
    try:
        return Confidence.parse(value)
    except (KeyError, AttributeError):
        raise ValueError(f"expected one of {', '.join(c.label for c in Confidence)}") from None


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError("expected a table of glob = [codes]")
    return tuple((glob, _strings(codes)) for glob, codes in value.items())


def _path(value: Any) -> Path:
    if isinstance(value, str):
        return Path(value).expanduser()
    raise ValueError("expected a path string")


_TOP_LEVEL: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "severity": ("severity", _severity),
    "confidence": ("confidence", _confidence),
    "fail-on": ("fail_on", _fail_on),
    "honor-nosec": ("honor_nosec", _bool),
    "respect-gitignore": ("respect_gitignore", _bool),
    "max-file-size": ("max_file_size", _positive_int),
    "jobs": ("jobs", _positive_int),
    "cache": ("cache", _bool),
    "cache-dir": ("cache_dir", _path),
    "report-unused-suppressions": ("report_unused_suppressions", _bool),
    "scan-tests": ("scan_tests", _bool),
}


def section_keys(name: str) -> Mapping[str, Callable[[Any], Any]]:
    try:
        module = importlib.import_module(SECTIONS[name])
    except ModuleNotFoundError:
        return {}
    return getattr(module, "KEYS", {})


def parse_table(table: Mapping[str, Any], origin: Path, root: Path) -> Config:
    values: dict[str, Any] = {}
    sections: dict[str, dict[str, Any]] = {}
    for key, raw in table.items():
        if key in SECTIONS:
            sections[key] = _parse_section(key, raw, origin)
            continue
        if key not in _TOP_LEVEL:
            known = ", ".join(sorted([*_TOP_LEVEL, *SECTIONS]))
            raise ConfigError(f"{origin}: unknown key 'tool.bastion.{key}' (known keys: {known})")
        attribute, validate = _TOP_LEVEL[key]
        try:
            values[attribute] = validate(raw)
        except ValueError as exc:
            raise ConfigError(f"{origin}: bad value for 'tool.bastion.{key}': {exc} (got {raw!r})") from None
    selectors = [*values.get("select", ()), *values.get("extend_select", ()), *values.get("ignore", ())]
    selectors += [code for _, codes in values.get("per_file_ignores", ()) for code in codes]
    for selector in selectors:
        if not is_valid_selector(selector):
            raise ConfigError(f"{origin}: unknown rule, prefix or practice {selector!r}")
    if "cache_dir" in values and not values["cache_dir"].is_absolute():
        values["cache_dir"] = root / values["cache_dir"]
    return Config(root=root, source=origin, sections=sections, **values)


def _parse_section(name: str, raw: Any, origin: Path) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: 'tool.bastion.{name}' must be a table")
    keys = section_keys(name)
    parsed = {}
    for key, value in raw.items():
        if key not in keys:
            known = ", ".join(sorted(keys)) or "none"
            raise ConfigError(f"{origin}: unknown key 'tool.bastion.{name}.{key}' (known keys: {known})")
        try:
            parsed[key] = keys[key](value)
        except ValueError as exc:
            raise ConfigError(f"{origin}: bad value for 'tool.bastion.{name}.{key}': {exc} (got {value!r})") from None
    return parsed


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest bastion.toml, or pyproject.toml with a [tool.bastion] table, upward from start."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for candidate_dir in (directory, *directory.parents):
        for name in ("bastion.toml", ".bastion.toml", "pyproject.toml"):
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            data = _read_toml(candidate)
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("bastion")
                if table is None:
                    continue
                return candidate, table
            return candidate, data.get("tool", {}).get("bastion", data)
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load(targets: list[Path], explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
        data = _read_toml(explicit)
        table = data.get("tool", {}).get("bastion", data if explicit.name != "pyproject.toml" else {})
        return parse_table(table, explicit, explicit.resolve().parent)
    start = targets[0] if targets else Path.cwd()
    found = find_config_file(start)
    if found is None:
        return default_for(targets)
    origin, table = found
    return parse_table(table, origin, origin.parent)


def default_for(targets: list[Path]) -> Config:
    """Defaults only, rooted at the repository (or directory) of the first target."""
    start = targets[0] if targets else Path.cwd()
    directory = start.resolve() if start.is_dir() else start.resolve().parent
    return Config(root=_project_root(directory))


def _project_root(directory: Path) -> Path:
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return directory


# -- rule selection -------------------------------------------------------------------------------


def is_valid_selector(selector: str) -> bool:
    from bastion.rules import registry

    text = selector.strip()
    if text.upper() == "ALL" or registry.get(text) is not None:
        return True
    if text.upper().startswith("BST") and any(r.info.code.startswith(text.upper()) for r in registry.all_rules()):
        return True
    try:
        Practice.parse(text)
        return True
    except (KeyError, ValueError):
        return False


def selector_matches(selector: str, code: str, name: str) -> bool:
    text = selector.strip()
    upper = text.upper()
    if upper == "ALL" or upper == code or text.lower() == name:
        return True
    if upper.startswith("BST"):
        return code.startswith(upper)
    try:
        return Practice.parse(text) == Practice(int(code[3]))
    except (KeyError, ValueError):
        return False


def is_enabled(config: Config, code: str, name: str, default_enabled: bool = True) -> bool:
    if config.select:
        selected = any(selector_matches(s, code, name) for s in config.select)
    else:
        selected = default_enabled
    selected = selected or any(selector_matches(s, code, name) for s in config.extend_select)
    return selected and not any(selector_matches(s, code, name) for s in config.ignore)


def ignored_for_file(config: Config, relative_path: str, code: str, name: str) -> bool:
    from fnmatch import fnmatchcase

    for glob, selectors in config.per_file_ignores:
        matches = fnmatchcase(relative_path, glob) or fnmatchcase(os.path.basename(relative_path), glob)
        if matches and any(selector_matches(s, code, name) for s in selectors):
            return True
    return False
