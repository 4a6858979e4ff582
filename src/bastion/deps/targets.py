"""Which Pythons a project targets, and whether a dependency's environment marker applies to them.

The interpreter check owns the full picture (classifiers, CI matrices, Dockerfiles ...); when it
offers `bastion.interpreter.targets.target_minors(root)` that answer is used; otherwise the
`requires-python` of the manifests decides.
"""

from __future__ import annotations

import importlib
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.specifiers import InvalidSpecifier, SpecifierSet

KNOWN_MINORS = ("2.7", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14")
_PLATFORMS = (
    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
)


def minors_admitted(requires_python: str | None) -> tuple[str, ...]:
    """The known minor versions a `requires-python` specifier admits (any patch level counts)."""
    if not requires_python:
        return ()
    try:
        specifier = SpecifierSet(requires_python.replace(" ", ""))
    except InvalidSpecifier:
        return ()
    return tuple(m for m in KNOWN_MINORS if any(specifier.contains(f"{m}.{patch}", prereleases=True) for patch in range(0, 30)))


def _interpreter_answer(root: Path) -> tuple[str, ...]:
    try:
        module = importlib.import_module("bastion.interpreter.targets")
        found = getattr(module, "target_minors", None)
        return tuple(found(root)) if callable(found) else ()
    except Exception:  # the other analysis is optional here; its failure must not stop the audit
        return ()


def project_targets(root: Path | None, requires_python: Iterable[str | None]) -> tuple[str, ...]:
    """The interpreter check's answer for the project at `root` when it has one; else every minor
    all the manifests admit (only those when there is no project, as for an environment audit)."""
    answer = _interpreter_answer(root) if root is not None else ()
    if answer:
        return answer
    sets = [set(minors_admitted(spec)) for spec in requires_python if spec]
    sets = [s for s in sets if s]
    if not sets:
        return ()
    common = set.intersection(*sets)
    return tuple(m for m in KNOWN_MINORS if m in (common or set.union(*sets)))


def marker_applies(marker: str | None, targets: tuple[str, ...]) -> bool:
    """False only when the marker is false for every targeted Python on every common platform."""
    if not marker or not targets:
        return True
    try:
        parsed = Marker(marker)
    except InvalidMarker:
        return True
    extras = ["", *re.findall(r"""extra\s*==\s*["']([^"']+)["']""", marker)]  # which extras are wanted is unknown
    for minor in targets:
        for patch, platform, extra in itertools.product(("0", "99"), _PLATFORMS, extras):
            environment = {
                "python_version": minor, "python_full_version": f"{minor}.{patch}", "implementation_name": "cpython",
                "platform_python_implementation": "CPython", "implementation_version": f"{minor}.{patch}",
                "platform_machine": "x86_64", "platform_release": "", "platform_version": "", "extra": extra,
                **platform,
            }
            try:
                if parsed.evaluate(environment):
                    return True
            except (UndefinedComparison, UndefinedEnvironmentName, ValueError):
                return True
    return False
