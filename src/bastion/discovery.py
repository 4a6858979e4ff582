"""Which files a scan covers: gitignore-aware, with default and user excludes.

Directory symlinks are never followed (no loops, no escaping the project); files named explicitly
on the command line are always scanned, excluded or not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from bastion.config import Config
from bastion.model import Diagnostic, DiagnosticKind

PYTHON_SUFFIXES = (".py", ".pyw", ".pyi")


@dataclass(frozen=True, slots=True)
class ScanFile:
    path: str  # absolute, as found
    display: str  # as reported to the user: relative to the working directory when below it

    @property
    def name(self) -> str:
        return os.path.basename(self.path)


@dataclass(slots=True)
class FileSet:
    python: list[ScanFile] = field(default_factory=list)
    other: list[ScanFile] = field(default_factory=list)  # every other non-excluded file (secrets, manifests)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def display_path(path: str, cwd: str | None = None) -> str:
    cwd = cwd or os.getcwd()
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:
        return Path(path).as_posix()
    if relative.startswith(".."):
        return Path(path).as_posix()
    return Path(relative).as_posix()


def is_python(path: str) -> bool:
    return path.endswith(PYTHON_SUFFIXES)


def _exclude_spec(config: Config) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines([*config.exclude, *config.extend_exclude])


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    candidate = os.path.join(directory, ".gitignore")
    try:
        with open(candidate, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


def _walk(top: str, config: Config, excludes: pathspec.PathSpec) -> Iterator[str | Diagnostic]:
    root = str(config.root)
    ignores: list[tuple[str, pathspec.PathSpec]] = []
    if config.respect_gitignore:
        # .gitignore files between the project root and the target apply too.
        parents = []
        current = top
        while current.startswith(root) and current != os.path.dirname(current):
            parents.append(current)
            if current == root:
                break
            current = os.path.dirname(current)
        for directory in reversed(parents[1:]):
            spec = _gitignore(directory)
            if spec:
                ignores.append((directory, spec))

    def ignored(path: str, is_dir: bool) -> bool:
        relative_to_root = os.path.relpath(path, root) if path.startswith(root) else os.path.basename(path)
        probe = relative_to_root + ("/" if is_dir else "")
        if excludes.match_file(probe):
            return True
        for base, spec in ignores:
            if path.startswith(base + os.sep):
                if spec.match_file(os.path.relpath(path, base) + ("/" if is_dir else "")):
                    return True
        return False

    def visit(directory: str) -> Iterator[str | Diagnostic]:
        pushed = False
        if config.respect_gitignore:
            spec = _gitignore(directory)
            if spec:
                ignores.append((directory, spec))
                pushed = True
        try:
            with os.scandir(directory) as entries:
                listing = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            yield Diagnostic(display_path(directory), DiagnosticKind.UNREADABLE, f"cannot list directory: {exc.strerror}")
            listing = []
        for entry in listing:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if ignored(entry.path, is_dir):
                continue
            if is_dir:
                yield from visit(entry.path)
            elif entry.is_symlink():
                try:
                    if os.path.isdir(entry.path):
                        continue  # a symlink to a directory: not followed
                except OSError:
                    pass
                yield entry.path  # broken or looping links become diagnostics when read
            else:
                yield entry.path
        if pushed:
            ignores.pop()

    yield from visit(top)


def discover(paths: list[Path], config: Config) -> FileSet:
    result = FileSet()
    excludes = _exclude_spec(config)
    seen: set[str] = set()
    cwd = os.getcwd()

    def add(path: str) -> None:
        if path in seen:
            return
        seen.add(path)
        entry = ScanFile(path, display_path(path, cwd))
        (result.python if is_python(path) else result.other).append(entry)

    for target in paths:
        absolute = os.path.abspath(target)
        if os.path.isdir(absolute) and not os.path.islink(absolute):
            for item in _walk(absolute, config, excludes):
                if isinstance(item, Diagnostic):
                    result.diagnostics.append(item)
                else:
                    add(item)
        elif os.path.lexists(absolute):
            add(absolute)  # named explicitly: always scanned
        else:
            result.diagnostics.append(
                Diagnostic(display_path(absolute, cwd), DiagnosticKind.UNREADABLE, "no such file or directory", level="error")
            )
    return result
