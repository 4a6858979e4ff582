"""The two seams through which project-wide analyses plug into `bastion check`.

A `FileAnalyzer` runs in the per-file pass (in worker processes, results cached by content hash):
it receives the parsed file and returns *facts*: plain JSON-compatible data (dicts, lists, strings,
numbers, booleans, None) that summarise the file for the project pass, such as function summaries
or route declarations. It may also return findings that need nothing beyond the file.

A `ProjectAnalyzer` runs once per scan, after every file has been seen, with all facts and the
list of every discovered file, and returns findings, diagnostics and optional extra report data
(the route inventory, the dependency table, ...) for the formatters.

Analyzers are listed by module path in `ANALYZERS`; a module exposes `FILE_ANALYZER` and/or
`PROJECT_ANALYZER` objects. A module that does not exist yet is skipped. An analysis whose rules
are all deselected does not run (`--select BST2` spends nothing on routes or dependencies).
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bastion.model import Diagnostic, Finding

if TYPE_CHECKING:
    from bastion.config import Config
    from bastion.discovery import ScanFile
    from bastion.engine.context import Context

# Each analysis module, and the module declaring the rules it reports: the analysis runs only when
# one of them is enabled. None: it always runs.
ANALYZERS: tuple[tuple[str, str | None], ...] = (
    ("bastion.taint.analyzer", "bastion.taint.rules"),
    ("bastion.routes.analyzer", "bastion.routes.rules"),
    ("bastion.secrets.analyzer", None),  # its per-file scan also finds the lines reports must redact
    ("bastion.deps.analyzer", "bastion.deps.rules"),
    ("bastion.interpreter.analyzer", "bastion.interpreter.rules"),
    ("bastion.rules.database_config", None),
)


@dataclass(slots=True)
class FileFacts:
    """What a file analyzer returns for one file."""

    facts: Any = None  # JSON-compatible
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # line number -> the line as reports may show it, for every line that holds a secret (cached
    # with the file's results, so reports need not look for secrets again); None: not looked for
    redactions: dict[int, str] | None = None


class FileAnalyzer(Protocol):
    """May also define `prepare()`: import what `collect` needs. The runner calls it once before
    it starts worker processes, which then share those modules instead of each importing them."""

    name: str  # unique; the key of its facts

    def collect(self, context: Context, config: Config) -> FileFacts:
        """Summarise one parsed file. `context` has been walked: names, module, source, tree."""
        ...


@dataclass(frozen=True, slots=True)
class ParsedModule:
    path: str  # display path
    absolute: str
    module: str  # dotted module name
    is_package: bool


@dataclass(slots=True)
class Project:
    """Everything the project pass sees."""

    root: Path
    config: Config
    python_files: Sequence[ParsedModule]
    other_files: Sequence[ScanFile]  # every other discovered, non-excluded file
    facts: Mapping[str, Mapping[str, Any]]  # analyzer name -> display path -> facts
    explicit_paths: Sequence[Path] = ()
    use_cache: bool = True  # False under --no-cache: analyzers keep no caches of their own either


@dataclass(slots=True)
class ProjectResult:
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # e.g. {"routes": [...]} for formatters


class ProjectAnalyzer(Protocol):
    """May also define `cache_token(project) -> str` naming outside state its result depends on
    (the advisory database's build time, say); the whole project pass is reused while every input
    file and every token is unchanged.

    An analyzer that reads no per-file facts (only the files themselves) sets `uses_facts = False`:
    the runner may then run it while the worker processes analyse the Python files."""

    name: str

    def analyze(self, project: Project) -> ProjectResult: ...


def load_analyzers(enabled: Collection[str] | None = None) -> tuple[list[FileAnalyzer], list[ProjectAnalyzer]]:
    """Every analyzer; with `enabled` (rule codes), only those reporting one of these rules."""
    file_analyzers: list[FileAnalyzer] = []
    project_analyzers: list[ProjectAnalyzer] = []
    for module_name, rules_module in ANALYZERS:
        if enabled is not None and rules_module is not None and not _reports_any(rules_module, enabled):
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        if getattr(module, "FILE_ANALYZER", None) is not None:
            file_analyzers.append(module.FILE_ANALYZER)
        if getattr(module, "PROJECT_ANALYZER", None) is not None:
            project_analyzers.append(module.PROJECT_ANALYZER)
    return file_analyzers, project_analyzers


def _reports_any(rules_module: str, enabled: Collection[str]) -> bool:
    from bastion.rules import registry

    return not registry.declared_in(rules_module).isdisjoint(enabled)
