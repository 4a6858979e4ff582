"""Which Pythons a project targets or runs on, read from the files that say so (never executed).

`find_targets` reads the files of a scan; `targeted_versions(root)` answers for a directory, for
other analyses (the dependency audit evaluates environment markers against it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from bastion.discovery import in_test_data
from bastion.interpreter.files import is_compose_file, is_dockerfile, is_github_workflow
from bastion.interpreter.model import Role, SourceError, Target
from bastion.interpreter.sources import ci, docker, envs, manifests, pins, platforms
from bastion.model import Diagnostic, DiagnosticKind

MAX_FILE_BYTES = 2 * 1024 * 1024
Reader = Callable[[str, str], Iterable[Target]]


def _pyproject(display: str, text: str) -> Iterator[Target]:
    yield from manifests.pyproject(display, text)
    yield from envs.tox_toml(display, text, table="tool.tox")


def _setup_cfg(display: str, text: str) -> Iterator[Target]:
    yield from manifests.setup_cfg(display, text)
    yield from envs.tox_ini(display, text, section="tox:tox")


BY_NAME: dict[str, Reader] = {
    ".python-version": pins.python_version_file,
    "runtime.txt": pins.runtime_txt,
    ".tool-versions": pins.tool_versions,
    "pyproject.toml": _pyproject,
    "setup.cfg": _setup_cfg,
    "setup.py": manifests.setup_py,
    "Pipfile": manifests.pipfile,
    "tox.ini": envs.tox_ini,
    "tox.toml": envs.tox_toml,
    "noxfile.py": envs.noxfile,
    ".gitlab-ci.yml": ci.gitlab_ci,
    ".gitlab-ci.yaml": ci.gitlab_ci,
    "template.yaml": platforms.aws_template,
    "template.yml": platforms.aws_template,
    "serverless.yml": platforms.serverless,
    "serverless.yaml": platforms.serverless,
    "app.yaml": platforms.app_engine,
    "app.yml": platforms.app_engine,
    "environment.yml": platforms.conda_environment,
    "environment.yaml": platforms.conda_environment,
}


def reader_for(path: str) -> Reader | None:
    """The reader of a file, by its name (and, for workflows, its directory)."""
    name = os.path.basename(path)
    found = BY_NAME.get(name)
    if found is not None:
        return found
    lowered = name.lower()
    if is_dockerfile(lowered):
        return docker.dockerfile
    if is_compose_file(lowered):
        return docker.compose_file
    if is_github_workflow(path):
        return ci.github_workflow
    return None


def read_text(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise SourceError(f"unreadable: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"larger than {MAX_FILE_BYTES} bytes; not read")
    if b"\0" in data[:8192]:
        raise SourceError("binary content; not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8: {error.reason} at byte {error.start}") from None


def find_targets(files: Iterable[tuple[str, str]]) -> tuple[list[Target], list[Diagnostic]]:
    """Targets in the given (path, display path) files; unreadable ones become diagnostics."""
    targets: list[Target] = []
    diagnostics: list[Diagnostic] = []
    for path, display in files:
        reader = reader_for(path)
        if reader is None:
            continue
        try:
            targets.extend(reader(display, read_text(path)))
        except SourceError as error:
            diagnostics.append(Diagnostic(display, DiagnosticKind.SKIPPED, f"Python versions not read: {error}", level="note"))
        except RecursionError:
            diagnostics.append(Diagnostic(display, DiagnosticKind.TOO_DEEP, "Python versions not read: nested too deeply"))
        except Exception as error:  # a reader bug costs this file, not the scan
            message = f"Python versions not read: {type(error).__name__}: {error}"
            diagnostics.append(Diagnostic(display, DiagnosticKind.INTERNAL_ERROR, message, level="error"))
    return targets, diagnostics


# -- for other analyses ----------------------------------------------------------------------------


def project_files(root: Path) -> list[tuple[str, str]]:
    """The files of the project at `root` a scan would see (excludes and .gitignore respected)."""
    from bastion.config import ConfigError
    from bastion.config import load as load_config
    from bastion.discovery import discover

    try:
        config = load_config([root])
    except ConfigError:
        from bastion.config import default_for

        config = default_for([root])
    found = discover([root], config)
    files = (*found.python, *found.other)
    top = str(config.root)
    skip_tests = not config.scan_tests
    return [(f.path, f.display) for f in files
            if reader_for(f.path) is not None and not (skip_tests and in_test_data(f.path, top))]


def minors_of(targets: Iterable[Target], known: Iterable[str]) -> list[str]:
    """The minor versions targets name explicitly; failing that, those every range admits."""
    known = list(known)
    explicit = {t.branch for t in targets if t.role is not Role.REQUIRES and t.branch}
    if explicit:
        return sorted(explicit, key=_minor_key)
    admitted: set[str] | None = None
    for target in targets:
        if target.role is Role.REQUIRES and target.specifier:
            minors = set(admitted_minors(target.specifier, known))
            admitted = minors if admitted is None else admitted & minors
    return sorted(admitted or (), key=_minor_key)


def admitted_minors(specifier: str, known: Iterable[str]) -> list[str]:
    """The minor versions (of `known`) that have a patch release the specifier admits."""
    try:
        specifiers = SpecifierSet(specifier.replace(" ", ""))
    except InvalidSpecifier:
        return []
    return [minor for minor in known
            if any(specifiers.contains(f"{minor}.{patch}", prereleases=True) for patch in range(0, 40))]


def _minor_key(minor: str) -> tuple[int, int]:
    major, _, rest = minor.partition(".")
    return int(major), int(rest or 0)


def target_minors(root: Path | str) -> list[str]:
    """Minor versions ("3.11") the project at `root` targets; [] when nothing says."""
    from bastion.interpreter.releases import load_table

    targets, _ = find_targets(project_files(Path(root)))
    return minors_of(targets, load_table().branches)


def targeted_versions(project_root: Path | str) -> list[Version]:
    """The same as `target_minors`, as `packaging` versions (Version("3.11"))."""
    return [Version(minor) for minor in target_minors(project_root)]
