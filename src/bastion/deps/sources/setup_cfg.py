"""setup.cfg: [options] install_requires and [options.extras_require]; python_requires."""

from __future__ import annotations

import re

from bastion.deps.files import parse_error, read_text
from bastion.deps.model import Manifest
from bastion.deps.sources.requirements_line import parse_requirement

_SECTION = re.compile(r"^\[([^\]]+)\]\s*$")
_KEY = re.compile(r"^([A-Za-z0-9_.-]+)\s*[=:]\s*(.*)$")


def _entries(text: str):
    """(section, key, line number, value) for every value of every key, continuation lines split."""
    section = key = None
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if match := _SECTION.match(stripped):
            section, key = match.group(1).strip(), None
            continue
        if raw[:1] in " \t" and key is not None:
            yield section, key, number, stripped
            continue
        if match := _KEY.match(stripped):
            key = match.group(1).strip()
            if match.group(2).strip():
                yield section, key, number, match.group(2).strip()


def parse(path: str, display: str) -> Manifest:
    manifest = Manifest(path, display, "setup.cfg")
    for section, key, number, value in _entries(read_text(path, display)):
        if section == "options" and key == "python_requires":
            manifest.requires_python = value
        elif (section == "options" and key == "install_requires") or section == "options.extras_require":
            group = "" if section == "options" else key
            item = re.sub(r"\s+#.*$", "", value).strip()
            if item:
                _add(manifest, item, number, group)
    return manifest


def _add(manifest: Manifest, item: str, number: int, group: str) -> None:
    dependency = parse_requirement(item, manifest.display, number, group=group)
    if dependency is None:
        manifest.diagnostics.append(parse_error(manifest.display, f"cannot parse requirement {item!r}", number))
    else:
        manifest.dependencies.append(dependency)
