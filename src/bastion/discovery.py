"""Which files a scan covers: gitignore-aware, with default and user excludes.

Directory symlinks are never followed (no loops, no escaping the project); files named explicitly
on the command line are always scanned, excluded or not.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bastion.config import Config
from bastion.model import Diagnostic, DiagnosticKind

if TYPE_CHECKING:
    import pathspec

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
    prefix = cwd.rstrip(os.sep) + os.sep
    if path.startswith(prefix):
        return path[len(prefix) :].replace(os.sep, "/")
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:
        return Path(path).as_posix()
    if relative.startswith(".."):
        return Path(path).as_posix()
    return Path(relative).as_posix()


# Directories whose manifests, pins and Dockerfiles describe test cases, not the project itself.
TEST_DATA_DIRECTORIES = frozenset({"tests", "test", "testing", "fixtures", "fixture", "testdata", "test_data", "__fixtures__"})


def in_test_data(path: str, root: str | os.PathLike[str]) -> bool:
    """Is `path` below a test or fixture directory of the project at `root`?"""
    try:
        relative = os.path.relpath(path, root)
    except ValueError:  # another drive
        return False
    return not relative.startswith("..") and any(part.lower() in TEST_DATA_DIRECTORIES for part in Path(relative).parts[:-1])


def is_python(path: str) -> bool:
    return path.endswith(PYTHON_SUFFIXES)


class Excludes:
    """Exclude patterns with gitignore semantics, matched cheaply: plain names (the common case, and
    every default) by set lookup, name globs by one regular expression, the rest by pathspec."""

    def __init__(self, patterns: list[str]) -> None:
        names, dir_names, globs, paths = set(), set(), [], []
        for pattern in patterns:
            bare = pattern.rstrip("/")
            if "/" in bare or pattern.startswith("!"):
                paths.append(pattern)
            elif any(ch in bare for ch in "*?["):
                globs.append(fnmatch.translate(bare))
            else:
                (dir_names if pattern.endswith("/") else names).add(bare)  # `name/`: directories only
        self.names = frozenset(names)
        self.dir_names = frozenset(dir_names)
        self.globs = re.compile("|".join(globs)) if globs else None
        self.paths = _spec(paths) if paths else None

    def match(self, name: str, relative: str, is_dir: bool) -> bool:
        if name in self.names or (is_dir and name in self.dir_names) or (self.globs is not None and self.globs.match(name)):
            return True
        if self.paths is None:
            return False
        return self.paths.match_file(relative + ("/" if is_dir else ""))


def _exclude_spec(config: Config) -> Excludes:
    return Excludes([*config.exclude, *config.extend_exclude])


def _spec(lines: list[str]) -> pathspec.PathSpec:
    """Imported only when a .gitignore or a path pattern needs it: a scan of a tree without one
    (a pre-commit run's files, a cached scan) need not pay for it."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    candidate = os.path.join(directory, ".gitignore")
    try:
        with open(candidate, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return _spec(lines) if lines else None


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _walk(top: str, config: Config, excludes: Excludes) -> Iterator[str | Diagnostic]:
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

    root_prefix = root.rstrip(os.sep) + os.sep

    def ignored(path: str, name: str, is_dir: bool) -> bool:
        relative_to_root = path[len(root_prefix) :] if path.startswith(root_prefix) else name
        if excludes.match(name, relative_to_root, is_dir):
            return True
        for base, spec in ignores:
            if path.startswith(base + os.sep) and spec.match_file(os.path.relpath(path, base) + ("/" if is_dir else "")):
                return True
        return False

    found: list[str | Diagnostic] = []  # a list, not nested generators: each item would pass every level
    add = found.append

    def visit(directory: str) -> None:
        pushed = False
        try:
            with os.scandir(directory) as entries:
                listing = sorted(entries, key=_name)
        except OSError as exc:
            add(Diagnostic(display_path(directory), DiagnosticKind.UNREADABLE, f"cannot list directory: {exc.strerror}"))
            listing = []
        if config.respect_gitignore and any(entry.name == ".gitignore" for entry in listing):
            spec = _gitignore(directory)
            if spec:
                ignores.append((directory, spec))
                pushed = True
        for entry in listing:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if ignored(entry.path, entry.name, is_dir):
                continue
            if is_dir:
                visit(entry.path)
            elif entry.is_symlink():
                try:
                    if os.path.isdir(entry.path):
                        continue  # a symlink to a directory: not followed
                    if os.path.exists(entry.path) and not os.path.isfile(entry.path):
                        continue  # a link to a pipe, socket or device: reading it could block
                except OSError:
                    pass
                add(entry.path)  # broken or looping links become diagnostics when read
            else:
                try:
                    regular = entry.is_file(follow_symlinks=False)
                except OSError:
                    regular = False
                if regular:
                    add(entry.path)  # pipes, sockets and devices are never opened
        if pushed:
            ignores.pop()

    visit(top)
    return iter(found)


def discover(paths: list[Path], config: Config) -> FileSet:
    result = FileSet()
    excludes = _exclude_spec(config)
    seen: set[str] = set()
    cwd = os.getcwd()
    directories: dict[str, str] = {}  # directory -> its display path + "/" (relpath is slow per file)

    def add(path: str) -> None:
        if path in seen:
            return
        seen.add(path)
        directory, name = os.path.split(path)
        prefix = directories.get(directory)
        if prefix is None:
            shown = display_path(directory, cwd)
            prefix = directories[directory] = "" if shown == "." else shown.rstrip("/") + "/"
        entry = ScanFile(path, prefix + name)
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
