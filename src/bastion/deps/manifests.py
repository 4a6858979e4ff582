"""Which files are dependency manifests, decided by their names alone.

Kept apart from the parsers in `deps.sources`: a scan of a project without manifests (most library
trees) learns that without importing any parser, `packaging` or the advisory database.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from bastion.discovery import display_path

REQUIREMENTS_DIRECTORIES = {"requirements", "reqs", "requirements.d"}


def is_requirements(name: str) -> bool:
    lower = name.lower()
    return (lower.startswith("requirements") and lower.endswith((".txt", ".in"))) or lower in {
        "constraints.txt",
        "requires.txt",
        "dev-requirements.txt",
        "test-requirements.txt",
    } or (lower.endswith(".in") and "requirement" in lower)


def is_conda_environment(name: str) -> bool:
    return name.lower() in {"environment.yml", "environment.yaml", "conda.yml", "conda.yaml"}


def is_pylock(name: str) -> bool:
    return name == "pylock.toml" or (name.startswith("pylock.") and name.endswith(".toml"))


def _named(*names: str) -> Callable[[str], bool]:
    return lambda filename: filename in names


# (kind, accepts file name), in the order a file name is tried; `deps.sources` pairs each with its parser.
KINDS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("requirements", is_requirements),
    ("pyproject", _named("pyproject.toml")),
    ("poetry.lock", _named("poetry.lock")),
    ("Pipfile", _named("Pipfile")),
    ("Pipfile.lock", _named("Pipfile.lock")),
    ("uv.lock", _named("uv.lock")),
    ("pdm.lock", _named("pdm.lock")),
    ("pylock.toml", is_pylock),
    ("setup.cfg", _named("setup.cfg")),
    ("environment.yml", is_conda_environment),
)


def kind_for(filename: str) -> str | None:
    return next((kind for kind, accepts in KINDS if accepts(filename)), None)


def is_manifest(filename: str) -> bool:
    return kind_for(filename) is not None


def _is_requirements_in_directory(path: str) -> bool:
    """`requirements/base.txt`, `requirements/prod.in`: the common split layout."""
    parent = os.path.basename(os.path.dirname(path)).lower()
    return parent in REQUIREMENTS_DIRECTORIES and path.endswith((".txt", ".in"))


def manifest_paths(other_files: Iterable[tuple[str, str]], explicit: Sequence[Path]) -> list[tuple[str, str]]:
    """(absolute path, display) of the manifests among discovered files and explicitly named files."""
    found: dict[str, str] = {}
    for path, display in other_files:
        if is_manifest(os.path.basename(path)) or _is_requirements_in_directory(path):
            found.setdefault(os.path.realpath(path), display)
    for path in explicit:
        if path.is_file() and (is_manifest(path.name) or path.suffix in {".txt", ".in"}):
            absolute = os.path.realpath(path)
            found.setdefault(absolute, display_path(str(path.absolute())))
    return sorted(found.items(), key=lambda item: item[1])
