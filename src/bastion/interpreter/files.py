"""Which files can name the Pythons a project targets, decided by their names (and, for GitHub
workflows, their directory) alone.

Kept apart from the readers in `targets`: a scan of a tree without such files (most library trees)
learns that without importing the readers or `packaging`.
"""

from __future__ import annotations

import os
from pathlib import Path

# The files read by name; `targets.BY_NAME` gives each its reader.
NAMED = frozenset({
    ".python-version", "runtime.txt", ".tool-versions", "pyproject.toml", "setup.cfg", "setup.py", "Pipfile",
    "tox.ini", "tox.toml", "noxfile.py", ".gitlab-ci.yml", ".gitlab-ci.yaml", "template.yaml", "template.yml",
    "serverless.yml", "serverless.yaml", "app.yaml", "app.yml", "environment.yml", "environment.yaml",
})
COMPOSE_NAMES = ("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")


def is_dockerfile(lowered_name: str) -> bool:
    return lowered_name in ("dockerfile", "containerfile") or lowered_name.startswith(("dockerfile.", "containerfile.")) \
        or lowered_name.endswith((".dockerfile", ".containerfile"))


def is_compose_file(lowered_name: str) -> bool:
    return lowered_name in COMPOSE_NAMES or (
        lowered_name.startswith(("docker-compose.", "compose.")) and lowered_name.endswith((".yml", ".yaml"))
    )


def is_github_workflow(path: str) -> bool:
    if not path.lower().endswith((".yml", ".yaml")):
        return False
    parts = Path(path).parts
    return len(parts) >= 3 and parts[-3:-1] == (".github", "workflows")


def names_pythons(path: str) -> bool:
    """Could this file name a Python version (a pin, a manifest, a Dockerfile, a CI configuration)?"""
    name = os.path.basename(path)
    if name in NAMED:
        return True
    lowered = name.lower()
    return is_dockerfile(lowered) or is_compose_file(lowered) or is_github_workflow(path)
