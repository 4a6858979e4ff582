"""Lock files: poetry.lock, uv.lock, pdm.lock, pylock.toml (PEP 751) and Pipfile.lock."""

from __future__ import annotations

import json
import re
from typing import Any

from bastion.deps.files import LineFinder, ManifestError, parse_error, read_text
from bastion.deps.model import Dependency, Manifest
from bastion.deps.sources.toml_util import array, load, string, table

_NOT_FROM_INDEX = ("git", "directory", "path", "url", "file", "hg", "svn", "vcs", "archive", "editable", "virtual")


def _name_line(lines: LineFinder, name: str) -> int:
    return lines.find(rf"^\s*name\s*=\s*[\"']{re.escape(name)}[\"']")


def _reference(source: Any) -> str | None:
    """Where a locked package comes from, when that is not a package index."""
    if isinstance(source, str):
        return None if source in {"pypi", "legacy", ""} else source
    source = table(source)
    kind = string(source.get("type"))
    if kind is not None:  # poetry: [package.source] type = "git" | "directory" | "file" | "url" | "legacy"
        return None if kind == "legacy" else f"{kind}+{source.get('url', '')}"
    for key in _NOT_FROM_INDEX:
        value = source.get(key)
        if value:
            return f"{key}+{value.get('url', value.get('path', '')) if isinstance(value, dict) else value}"
    return None


def parse_poetry_lock(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "poetry.lock", is_lock=True)
    manifest.requires_python = string(table(data.get("metadata")).get("python-versions"))
    lines = LineFinder(text)
    for package in map(table, array(data.get("package"))):
        name, version = string(package.get("name")), string(package.get("version"))
        if not name:
            continue
        groups = array(package.get("groups")) or [package.get("category", "main")]
        group = "" if "main" in groups else str(groups[0])
        _add(manifest, name, version, _name_line(lines, name), _reference(package.get("source")), string(package.get("markers")), group)
    return manifest


def parse_uv_lock(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "uv.lock", is_lock=True)
    manifest.requires_python = string(data.get("requires-python"))
    lines = LineFinder(text)
    for package in map(table, array(data.get("package"))):
        name, version = string(package.get("name")), string(package.get("version"))
        if not name:
            continue
        source = table(package.get("source"))
        line = _name_line(lines, name)
        if source.get("editable", source.get("virtual")) == ".":
            continue  # the project itself
        _add(manifest, name, version, line, _reference(source), None, "")
    return manifest


def parse_pdm_lock(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "pdm.lock", is_lock=True)
    metadata = table(data.get("metadata"))
    manifest.requires_python = string(metadata.get("requires_python"))
    lines = LineFinder(text)
    for package in map(table, array(data.get("package"))):
        name, version = string(package.get("name")), string(package.get("version"))
        if not name:
            continue
        reference = _reference({k: package[k] for k in ("git", "path", "url", "editable") if k in package})
        groups = [str(g) for g in array(package.get("groups"))]
        group = "" if not groups or "default" in groups else groups[0]
        _add(manifest, name, version, _name_line(lines, name), reference, string(package.get("marker")), group)
    return manifest


def parse_pylock(path: str, display: str) -> Manifest:
    text, data = load(path, display)
    manifest = Manifest(path, display, "pylock.toml", is_lock=True)
    manifest.requires_python = string(data.get("requires-python"))
    lines = LineFinder(text)
    for package in map(table, array(data.get("packages"))):
        name, version = string(package.get("name")), string(package.get("version"))
        if not name:
            continue
        reference = _reference({k: package[k] for k in ("vcs", "directory", "archive") if k in package})
        _add(manifest, name, version, _name_line(lines, name), reference, string(package.get("marker")), "")
    return manifest


def parse_pipfile_lock(path: str, display: str) -> Manifest:
    text = read_text(path, display)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise ManifestError(parse_error(display, f"invalid JSON: {error}")) from None
    manifest = Manifest(path, display, "Pipfile.lock", is_lock=True)
    data = table(data)
    requires = table(table(table(data.get("_meta")).get("requires")))
    python = string(requires.get("python_full_version")) or string(requires.get("python_version"))
    manifest.requires_python = f"=={python}.*" if python and python.count(".") == 1 else (f"=={python}" if python else None)
    lines = LineFinder(text)
    for section, group in (("default", ""), ("develop", "dev")):
        for name, entry in table(data.get(section)).items():
            entry = table(entry)
            specifier = string(entry.get("version")) or ""
            version = specifier[2:] if specifier.startswith("==") else None
            reference = _reference({k: entry[k] for k in ("git", "path", "file", "hg", "svn") if k in entry})
            line = lines.find(rf"^\s*\"{re.escape(name)}\"\s*:")
            _add(manifest, name, version, line, reference, string(entry.get("markers")), group)
    return manifest


def _add(manifest: Manifest, name: str, version: str | None, line: int, reference: str | None, marker: str | None, group: str) -> None:
    if version is None and reference is None:
        manifest.diagnostics.append(parse_error(manifest.display, f"locked package {name!r} has no version", line or None))
        return
    text = f"{name}=={version}" if version else name
    manifest.dependencies.append(
        Dependency(name, manifest.display, line, specifier=f"=={version}" if version and not reference else "",
                   version=None if reference else version, marker=marker, reference=reference, group=group, locked=True, text=text)
    )
