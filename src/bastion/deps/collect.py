"""Finding the manifests of a project and parsing them, following -r/-c includes once each."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from bastion.deps.model import Manifest
from bastion.deps.sources import parse_file, source_for
from bastion.discovery import display_path

MAX_INCLUDES = 200


REQUIREMENTS_DIRECTORIES = {"requirements", "reqs", "requirements.d"}


def is_manifest(filename: str) -> bool:
    return source_for(filename) is not None


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


def parse_manifests(paths: Sequence[tuple[str, str]]) -> list[Manifest]:
    """Each manifest once; requirements includes outside the list are parsed too (bounded)."""
    manifests: list[Manifest] = []
    seen: set[str] = set()
    queue: list[tuple[str, str, bool]] = [(path, display, False) for path, display in paths]
    while queue and len(seen) < len(paths) + MAX_INCLUDES:
        path, display, constraints = queue.pop(0)
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        if not os.path.isfile(real):
            continue
        manifest = parse_file(real, display, constraints=constraints)
        manifests.append(manifest)
        for included, is_constraints in manifest.includes:
            queue.append((included, display_path(included), is_constraints))
    return manifests
