"""Values of the dependency audit: what a manifest declares, what an advisory says, what matched."""

from __future__ import annotations

from dataclasses import dataclass, field

from packaging.utils import canonicalize_name

from bastion.model import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class Dependency:
    """One requirement or locked package, as a manifest declares it."""

    name: str
    source: str  # display path of the manifest
    line: int = 0  # 1-based; 0 when unknown
    specifier: str = ""  # PEP 440 specifier set, e.g. ">=1.0,<2"; Poetry unions as "a || b"
    version: str | None = None  # the exact version, when pinned (==) or locked or installed
    extras: tuple[str, ...] = ()
    marker: str | None = None
    reference: str | None = None  # URL, VCS or path: not from an index, cannot be audited
    group: str = ""  # "", "dev", an optional-dependency or dependency-group name, "constraints"
    locked: bool = False  # from a lock file or an installed environment
    editable: bool = False
    text: str = ""  # the requirement as written, for messages and fixes

    @property
    def key(self) -> str:
        return canonicalize_name(self.name)

    @property
    def pinned(self) -> bool:
        return self.version is not None


@dataclass(slots=True)
class Manifest:
    """A parsed manifest or lock file."""

    path: str  # absolute
    display: str
    kind: str  # "requirements", "pyproject", "poetry.lock", ...
    dependencies: list[Dependency] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    includes: list[tuple[str, bool]] = field(default_factory=list)  # (absolute path, is constraints file)
    requires_python: str | None = None
    is_lock: bool = False

    @property
    def lock_tool(self) -> str | None:
        return {"poetry.lock": "poetry", "Pipfile.lock": "pipenv", "uv.lock": "uv", "pdm.lock": "pdm"}.get(self.kind)


@dataclass(frozen=True, slots=True)
class Advisory:
    """One OSV record as it applies to one package."""

    id: str
    aliases: tuple[str, ...] = ()
    summary: str = ""
    details: str = ""
    severity: Severity | None = None  # None: unknown
    score: float | None = None
    vectors: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()  # every fixed version the record names for this package
    published: str = ""
    modified: str = ""
    references: tuple[str, ...] = ()

    @property
    def all_ids(self) -> tuple[str, ...]:
        return (self.id, *self.aliases)

    def with_fixed(self, fixed: tuple[str, ...]) -> Advisory:
        """A copy naming these fixed versions (faster than `dataclasses.replace` in the hot path)."""
        return Advisory(
            self.id, self.aliases, self.summary, self.details, self.severity, self.score, self.vectors, fixed,
            self.published, self.modified, self.references,
        )


@dataclass(frozen=True, slots=True)
class Vulnerability:
    """One flaw affecting one dependency: advisories that alias each other, merged."""

    id: str  # the preferred id (PYSEC, then GHSA, then others)
    ids: tuple[str, ...]  # every advisory id merged here
    aliases: tuple[str, ...]  # every alias (CVE, ...) not among ids
    summary: str
    severity: Severity | None
    score: float | None
    fix: str | None  # the smallest fixed version above the current one, if any
    details: str = ""
    vectors: tuple[str, ...] = ()
    references: tuple[str, ...] = ()

    @property
    def every_id(self) -> frozenset[str]:
        return frozenset((*self.ids, *self.aliases))
