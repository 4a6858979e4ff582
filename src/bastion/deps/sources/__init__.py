"""Where dependencies come from: one parser per manifest or lock format, behind one small Protocol.

A source says which file names it reads and turns one file into a `Manifest`; problems become
diagnostics on the manifest (or a `ManifestError`), never exceptions out of the audit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bastion.deps.files import ManifestError
from bastion.deps.manifests import KINDS
from bastion.deps.model import Manifest
from bastion.deps.sources import conda, locks, pipfile, pyproject, requirements, setup_cfg
from bastion.model import Diagnostic, DiagnosticKind


class DependencySource(Protocol):
    kind: str

    def accepts(self, filename: str) -> bool: ...

    def parse(self, path: str, display: str) -> Manifest: ...


@dataclass(frozen=True, slots=True)
class FileSource:
    kind: str
    accepts: Callable[[str], bool]
    parse: Callable[[str, str], Manifest]


_PARSERS: dict[str, Callable[[str, str], Manifest]] = {
    "requirements": requirements.parse,
    "pyproject": pyproject.parse,
    "poetry.lock": locks.parse_poetry_lock,
    "Pipfile": pipfile.parse,
    "Pipfile.lock": locks.parse_pipfile_lock,
    "uv.lock": locks.parse_uv_lock,
    "pdm.lock": locks.parse_pdm_lock,
    "pylock.toml": locks.parse_pylock,
    "setup.cfg": setup_cfg.parse,
    "environment.yml": conda.parse,
}

SOURCES: tuple[DependencySource, ...] = tuple(FileSource(kind, accepts, _PARSERS[kind]) for kind, accepts in KINDS)


def source_for(filename: str) -> DependencySource | None:
    return next((source for source in SOURCES if source.accepts(filename)), None)


def parse_file(path: str, display: str, *, constraints: bool = False) -> Manifest:
    """Parse one manifest; any failure becomes a diagnostic on an empty manifest."""
    import os

    filename = os.path.basename(path)
    source = source_for(filename)
    try:
        if constraints or source is None:
            return requirements.parse(path, display, constraints=constraints)
        return source.parse(path, display)
    except ManifestError as error:
        return Manifest(path, display, source.kind if source else "requirements", diagnostics=[error.diagnostic])
    except (RecursionError, MemoryError, ValueError) as error:
        message = f"cannot parse manifest: {type(error).__name__}: {error}"
        return Manifest(path, display, source.kind if source else "requirements", diagnostics=[Diagnostic(display, DiagnosticKind.SYNTAX_ERROR, message)])
