"""One requirement string (PEP 508, or a pip requirements-file line) into a `Dependency`."""

from __future__ import annotations

import re
from dataclasses import replace

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet

from bastion.deps.model import Dependency

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|file:|git\+|hg\+|svn\+|bzr\+)", re.IGNORECASE)
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_PATH = re.compile(r"^(?:\.{1,2}(?:[/\\]|$)|/|~|[A-Za-z]:[/\\])")
_ARCHIVE = re.compile(r"([A-Za-z0-9][A-Za-z0-9._]*?)-(\d[^/\\-]*?)(?:-[^/\\]*)?\.(?:whl|tar\.gz|zip|tar\.bz2)$")


def exact_version(specifier: SpecifierSet | str) -> str | None:
    """The version a specifier pins exactly (`==1.2.3`, `===1.2.3`), or None for ranges and wildcards."""
    specs = list(SpecifierSet(specifier) if isinstance(specifier, str) else specifier)
    exact = [s for s in specs if s.operator in {"==", "==="} and not s.version.endswith(".*")]
    if len(exact) != 1:
        return None
    return exact[0].version


def parse_requirement(text: str, source: str, line: int, **fields) -> Dependency | None:
    """A `Dependency` from a PEP 508 string, a URL, a VCS reference or a local path; None if unparseable."""
    text = text.strip()
    if _URL.match(text) or _PATH.match(text):
        return unauditable_reference(text, source, line, **fields)
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        if text.split(";", 1)[0].strip().endswith((".whl", ".tar.gz", ".zip", ".tar.bz2")):
            return unauditable_reference(text, source, line, **fields)  # a relative archive path
        return None
    marker = str(requirement.marker) if requirement.marker else None
    extras = tuple(sorted(requirement.extras))
    if requirement.url:
        return Dependency(requirement.name, source, line, extras=extras, marker=marker, reference=requirement.url, text=text, **fields)
    specifier = str(requirement.specifier)
    return Dependency(
        requirement.name,
        source,
        line,
        specifier=specifier,
        version=exact_version(requirement.specifier),
        extras=extras,
        marker=marker,
        text=text,
        **fields,
    )


def unauditable_reference(text: str, source: str, line: int, **fields) -> Dependency:
    """A requirement that names a URL, VCS checkout or path: its content is not from an index."""
    location = text.split(";", 1)[0].strip()
    egg = _EGG.search(location)
    archive = _ARCHIVE.search(location.split("#", 1)[0].rstrip("/"))
    if egg:
        name = egg.group(1)
    elif archive:
        name = archive.group(1)
    else:
        name = location.rstrip("/\\").rsplit("/", 1)[-1].rsplit("\\", 1)[-1] or location
    return Dependency(name, source, line, reference=location, text=text, **fields)


def with_pin(dependency: Dependency, version: str | None, **changes) -> Dependency:
    return replace(dependency, version=version, **changes)
