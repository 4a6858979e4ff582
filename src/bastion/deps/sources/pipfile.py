"""Pipfile: [packages] and [dev-packages], and [requires] python_version."""

from __future__ import annotations

from bastion.deps.files import LineFinder
from bastion.deps.model import Manifest
from bastion.deps.sources.pyproject import poetry_dependency
from bastion.deps.sources.toml_util import load, string, table


def parse(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "Pipfile")
    requires = table(data.get("requires"))
    python = string(requires.get("python_full_version")) or string(requires.get("python_version"))
    if python:
        manifest.requires_python = f"=={python}.*" if python.count(".") == 1 else f"=={python}"
    lines = LineFinder(text)
    for section, group in (("packages", ""), ("dev-packages", "dev")):
        for name, value in table(data.get(section)).items():
            if isinstance(value, dict) and isinstance(value.get("version"), str):
                value = {**value, "version": _pipfile_version(value["version"])}
            elif isinstance(value, str):
                value = _pipfile_version(value)
            dependency = poetry_dependency(name, value, display, lines.find_key(name), group)
            if dependency is not None:
                manifest.dependencies.append(dependency)
    return manifest


def _pipfile_version(value: str) -> str:
    """Pipfile versions are PEP 440 already ("==1.2", ">=1,<2", "*"); only a bare version means ==."""
    value = value.strip()
    return value if value == "*" or value[:1] in "<>=!~" else f"=={value}"
