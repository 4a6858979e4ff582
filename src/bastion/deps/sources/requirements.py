"""pip requirements files (`requirements*.txt`, `*.in`, `constraints.txt`), with -r/-c includes."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from bastion.deps.files import parse_error, read_text
from bastion.deps.model import Manifest
from bastion.deps.sources.requirements_line import parse_requirement

# Options that take a value and add nothing to audit (index URLs, hashes, install options).
_VALUE_OPTIONS = {
    "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--trusted-host", "--hash",
    "--global-option", "--install-option", "--config-settings", "--no-binary", "--only-binary",
    "--use-feature", "--progress-bar",
}
_INCLUDE = {"-r": False, "--requirement": False, "-c": True, "--constraint": True}
_EDITABLE = {"-e", "--editable"}
_COMMENT = re.compile(r"(^|\s)#.*$")


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) per logical line: comments stripped, backslash continuations joined."""
    result: list[tuple[int, str]] = []
    buffer: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", raw)
        if not buffer:
            start = number
        if line.endswith("\\"):
            buffer.append(line[:-1])
            continue
        buffer.append(line)
        joined = " ".join(part.strip() for part in buffer).strip()
        buffer = []
        if joined:
            result.append((start, joined))
    if buffer:
        joined = " ".join(part.strip() for part in buffer).strip()
        if joined:
            result.append((start, joined))
    return result


def parse(path: str, display: str, *, constraints: bool = False) -> Manifest:
    manifest = Manifest(path, display, "constraints" if constraints or _is_constraints(path) else "requirements")
    text = read_text(path, display)
    group = "constraints" if manifest.kind == "constraints" else ""
    for number, line in logical_lines(text):
        _parse_line(manifest, Path(path).parent, number, line, group)
    return manifest


def _is_constraints(path: str) -> bool:
    return os.path.basename(path).lower().startswith("constraints")


def _parse_line(manifest: Manifest, directory: Path, number: int, line: str, group: str) -> None:
    if line.startswith("-"):
        _parse_option(manifest, directory, number, line, group)
        return
    requirement, _ = _split_options(line)
    dependency = parse_requirement(requirement, manifest.display, number, group=group)
    if dependency is None:
        manifest.diagnostics.append(parse_error(manifest.display, f"cannot parse requirement {requirement[:80]!r}", number))
    else:
        manifest.dependencies.append(dependency)


def _split_options(line: str) -> tuple[str, list[str]]:
    """The requirement and its trailing per-requirement options (`--hash=...`)."""
    match = re.search(r"\s--?[a-z]", line)
    if match is None:
        return line, []
    return line[: match.start()].strip(), line[match.start() :].split()


def _parse_option(manifest: Manifest, directory: Path, number: int, line: str, group: str) -> None:
    try:
        words = shlex.split(line, posix=True)
    except ValueError:
        words = line.split()
    option, _, attached = words[0].partition("=")
    value = attached or (words[1] if len(words) > 1 else "")
    if option in _INCLUDE:
        if not value:
            manifest.diagnostics.append(parse_error(manifest.display, f"{option} without a file", number))
        elif not re.match(r"^[a-z][a-z0-9+.-]*://", value):
            manifest.includes.append((str((directory / value).resolve()), _INCLUDE[option]))
        return
    if option in _EDITABLE:
        target = attached or (line.split(None, 1)[1:] or [""])[0]
        if not target:
            manifest.diagnostics.append(parse_error(manifest.display, f"{option} without a target", number))
            return
        dependency = parse_requirement(target, manifest.display, number, editable=True, group=group)
        if dependency is not None and dependency.reference is None:
            dependency = parse_requirement("./" + target, manifest.display, number, editable=True, group=group)
        if dependency is not None:
            manifest.dependencies.append(dependency)
        return
    # Index, hash and install options say nothing about which versions are installed.
