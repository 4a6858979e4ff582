"""A Python version a project targets, where it says so, and in what role."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bastion.interpreter.versions import PythonVersion


class Role(enum.StrEnum):
    RUNS = "runs"  # deploys or runs on it: Dockerfile, runtime.txt, .python-version, Pipfile, a live interpreter
    TESTS = "tests"  # CI jobs, tox and nox environments
    DECLARES = "declares"  # trove classifiers: the versions a package says it supports
    REQUIRES = "requires"  # requires-python and its spellings: a range of versions


class SourceError(ValueError):
    """A file that should name Python versions could not be read; becomes a diagnostic."""


@dataclass(frozen=True, slots=True)
class Target:
    source: str  # what names it: "requires-python", "Dockerfile FROM", "GitHub Actions", ...
    role: Role
    path: str  # display path (or "<python /path/to/python>" for an interpreter)
    line: int
    column: int
    text: str  # as written: "python:3.8-slim", ">=3.8", "3.11.7", "py38"
    version: PythonVersion | None = None  # None for ranges and floating image tags
    specifier: str | None = None  # PEP 440, for Role.REQUIRES
    end_column: int | None = None
    floating: bool = False  # an image tag that names no version ("latest", "slim")
    snippet: str = ""  # the source line
    os: str | None = None  # "linux", "windows", "macos" when known: platform-specific advisories apply or not

    @property
    def branch(self) -> str | None:
        return self.version.branch if self.version is not None and self.version.is_cpython else None

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "source": self.source,
            "role": self.role.value,
            "text": self.text,
            "version": None if self.version is None else str(self.version),
            "specifier": self.specifier,
            "floating": self.floating,
            "os": self.os,
        }
