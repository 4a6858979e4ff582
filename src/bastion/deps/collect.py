"""Finding the manifests of a project and parsing them, following -r/-c includes once each."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from bastion.deps.model import Manifest
from bastion.deps.sources import parse_file
from bastion.discovery import display_path
from bastion.model import Diagnostic, DiagnosticKind

MAX_INCLUDES = 200


def _inside(path: str, root: str | None) -> bool:
    return root is None or path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def parse_manifests(paths: Sequence[tuple[str, str]], root: Path | None = None) -> list[Manifest]:
    """Each manifest once; requirements includes are parsed too (bounded, and only inside `root`:
    a hostile `-r /etc/passwd` must not pull outside files into a report)."""
    top = os.path.realpath(root) if root is not None else None
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
            real_include = os.path.realpath(included)
            if _inside(real_include, top):
                queue.append((included, display_path(included), is_constraints))
            else:
                message = f"include {display_path(included)} is outside the project; not followed"
                manifest.diagnostics.append(Diagnostic(display, DiagnosticKind.SKIPPED, message))
    return manifests
