"""`bastion deps --fix`: raise vulnerable pins to the smallest safe version, in place.

Only the version text of the pin changes (comments, spacing, quoting and order stay); each file is
written atomically. Hash-pinned requirements and lock files cannot be edited by hand: for those the
exact command of the tool that owns them is printed instead.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bastion.deps.audit import Result
from bastion.deps.findings import lock_command
from bastion.deps.model import Manifest

EDITABLE_KINDS = {"requirements", "constraints", "pyproject", "Pipfile", "setup.cfg"}


@dataclass(slots=True)
class FixPlan:
    edits: dict[str, list[tuple[int, str, str, str]]] = field(default_factory=lambda: defaultdict(list))  # path -> (line, name, old, new)
    displays: dict[str, str] = field(default_factory=dict)
    commands: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plan(results: Sequence[tuple[Manifest, list[Result]]]) -> FixPlan:
    fixes = FixPlan()
    for manifest, items in results:
        for result in items:
            dependency, fix = result.dependency, result.fix
            if result.status != "vulnerable":
                continue
            where = f"{dependency.source}:{dependency.line}"
            if fix is None:
                fixes.skipped.append(f"{where}: {dependency.name} {dependency.version}: no release fixes every advisory")
            elif manifest.lock_tool:
                command = lock_command(manifest.lock_tool, dependency.name)
                if command not in fixes.commands:
                    fixes.commands.append(command)
            elif manifest.kind == "pylock.toml" or manifest.kind == "environment":
                fixes.skipped.append(f"{where}: {dependency.name}: upgrade to {fix} with the tool that wrote {manifest.kind}")
            elif manifest.kind in EDITABLE_KINDS and dependency.line:
                fixes.displays[manifest.path] = manifest.display
                fixes.edits[manifest.path].append((dependency.line, dependency.name, dependency.version or "", fix))
            else:
                fixes.skipped.append(f"{where}: {dependency.name}: upgrade to {fix} by hand")
    return fixes


def _version_pattern(version: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.+!-])" + re.escape(version) + r"(?![\w.+-])")


def _continued(lines: list[str], index: int) -> str:
    text = lines[index]
    while text.rstrip("\r\n").endswith("\\") and index + 1 < len(lines):
        index += 1
        text += lines[index]
    return text


def apply_to_text(text: str, edits: list[tuple[int, str, str, str]]) -> tuple[str, list[str]]:
    """The text with each pin raised; messages for pins that could not be changed."""
    lines = text.splitlines(keepends=True)
    problems = []
    for number, name, old, new in edits:
        if not 0 < number <= len(lines):
            problems.append(f"line {number}: {name} not found")
            continue
        line = lines[number - 1]
        if "--hash" in _continued(lines, number - 1):
            problems.append(f"line {number}: {name} is hash-pinned; recompile it (`pip-compile --upgrade-package {name}=={new}`)")
            continue
        start = line.lower().find(name.lower())
        start = max(start, 0)
        match = _version_pattern(old).search(line, start)
        if match is None:
            problems.append(f"line {number}: cannot find version {old} of {name}")
            continue
        lines[number - 1] = line[: match.start()] + new + line[match.end() :]
    return "".join(lines), problems


def apply(fixes: FixPlan, *, write: bool) -> tuple[str, list[str]]:
    """Apply (or only diff, with `write=False`) every edit; the unified diff and any problems."""
    from bastion.engine.cache import write_atomic

    diffs, problems = [], []
    for path, edits in sorted(fixes.edits.items()):
        original = Path(path).read_text("utf-8")
        updated, trouble = apply_to_text(original, edits)
        display = fixes.displays.get(path, path)
        problems += [f"{display}: {p}" for p in trouble]
        if updated == original:
            continue
        diffs.append("".join(difflib.unified_diff(
            original.splitlines(keepends=True), updated.splitlines(keepends=True), fromfile=f"a/{display}", tofile=f"b/{display}",
        )))
        if write:
            write_atomic(Path(path), updated)
    return "".join(diffs), problems
