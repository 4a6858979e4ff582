"""pyproject.toml: PEP 621 dependencies and optional-dependencies, PEP 735 dependency-groups, Poetry."""

from __future__ import annotations

from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from bastion.deps.files import LineFinder, parse_error
from bastion.deps.model import Dependency, Manifest
from bastion.deps.sources.poetry_constraints import to_pep440
from bastion.deps.sources.requirements_line import exact_version, parse_requirement
from bastion.deps.sources.toml_util import array, load, string, table


def parse(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "pyproject")
    lines = LineFinder(text)
    project = table(data.get("project"))
    manifest.requires_python = string(project.get("requires-python"))
    for value in array(project.get("dependencies")):
        _add_pep508(manifest, lines, value, "")
    for group, values in table(project.get("optional-dependencies")).items():
        for value in array(values):
            _add_pep508(manifest, lines, value, group)
    for group, values in table(data.get("dependency-groups")).items():
        for value in array(values):
            if isinstance(value, str):  # `{include-group = ...}` entries add nothing new
                _add_pep508(manifest, lines, value, group)
    _parse_poetry(manifest, lines, table(table(data.get("tool")).get("poetry")))
    return manifest


def _add_pep508(manifest: Manifest, lines: LineFinder, value: Any, group: str) -> None:
    if not isinstance(value, str):
        manifest.diagnostics.append(parse_error(manifest.display, f"dependency {value!r} is not a string"))
        return
    line = lines.find_literal(value)
    dependency = parse_requirement(value, manifest.display, line, group=group)
    if dependency is None:
        manifest.diagnostics.append(parse_error(manifest.display, f"cannot parse requirement {value!r}", line or None))
    else:
        manifest.dependencies.append(dependency)


def _parse_poetry(manifest: Manifest, lines: LineFinder, poetry: dict[str, Any]) -> None:
    if not poetry:
        return
    tables = [("", table(poetry.get("dependencies"))), ("dev", table(poetry.get("dev-dependencies")))]
    for name, group in table(poetry.get("group")).items():
        tables.append((name, table(table(group).get("dependencies"))))
    for group, entries in tables:
        for name, value in entries.items():
            if name.lower() == "python":
                manifest.requires_python = manifest.requires_python or to_pep440(str(value)) or None
                continue
            for spec in value if isinstance(value, list) else [value]:
                dependency = poetry_dependency(name, spec, manifest.display, lines.find_key(name), group)
                if dependency is not None:
                    manifest.dependencies.append(dependency)


def poetry_dependency(name: str, value: Any, source: str, line: int, group: str) -> Dependency | None:
    """A Poetry (or Pipfile, which uses the same shape) dependency entry."""
    if isinstance(value, str):
        specifier = to_pep440(value)
        return Dependency(name, source, line, specifier=specifier, version=_exact(specifier), group=group, text=f"{name} = {value!r}")
    if not isinstance(value, dict):
        return None
    extras = tuple(sorted(str(e) for e in array(value.get("extras"))))
    marker = string(value.get("markers")) or string(value.get("platform_python"))
    python = string(value.get("python"))
    if python and not marker:
        marker = _python_marker(python)
    for key in ("git", "path", "url", "file", "hg", "svn"):
        reference = string(value.get(key))
        if reference:
            return Dependency(
                name, source, line, extras=extras, marker=marker, reference=reference, group=group,
                editable=bool(value.get("develop") or value.get("editable")), text=f"{name} = {{{key} = {reference!r}}}",
            )
    specifier = to_pep440(string(value.get("version")) or "*")
    return Dependency(
        name, source, line, specifier=specifier, version=_exact(specifier), extras=extras, marker=marker, group=group,
        text=f"{name} = {value.get('version', '*')!r}",
    )


def _exact(specifier: str) -> str | None:
    if not specifier or "||" in specifier:
        return None
    try:
        return exact_version(specifier)
    except ValueError:
        return None


def _python_marker(constraint: str) -> str | None:
    specifier = to_pep440(constraint)
    if not specifier or "||" in specifier:
        return None
    try:
        specs = SpecifierSet(specifier)
    except InvalidSpecifier:
        return None
    return " and ".join(f'python_full_version {s.operator} "{s.version}"' for s in specs) or None
