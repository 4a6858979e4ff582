"""Readers of version spellings and files: what each format says, and hostile inputs as diagnostics."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import write_project

from bastion.interpreter import running
from bastion.interpreter.files import NAMED, names_pythons
from bastion.interpreter.model import SourceError
from bastion.interpreter.sources.docker import parse_image
from bastion.interpreter.sources.envs import expand
from bastion.interpreter.targets import BY_NAME, find_targets, reader_for
from bastion.interpreter.versions import PythonVersion, parse_version


@pytest.mark.parametrize(("text", "expected"), [
    ("3.11.7", PythonVersion(3, 11, 7)),
    ("3.11", PythonVersion(3, 11)),
    ("3", PythonVersion(3, None)),
    ("python-3.8.10", PythonVersion(3, 8, 10)),
    ("py38", PythonVersion(3, 8)),
    ("py310", PythonVersion(3, 10)),
    ("py3.12", PythonVersion(3, 12)),
    ("3.13.0rc2", PythonVersion(3, 13, 0, "rc2")),
    ("3.13t", PythonVersion(3, 13)),
    ("pypy3.9", PythonVersion(3, 9, implementation="pypy")),
    ("pypy-3.10", PythonVersion(3, 10, implementation="pypy")),
    ("2.7", PythonVersion(2, 7)),
])
def test_version_spellings(text: str, expected: PythonVersion) -> None:
    assert parse_version(text) == expected


@pytest.mark.parametrize("text", ["system", "latest", "django32", "lint", "3.x.1", "", "4.0", "python"])
def test_not_versions(text: str) -> None:
    assert parse_version(text) is None


def test_tox_generative_names() -> None:
    assert expand("py{38,39}-django{32,42}") == ["py38-django32", "py38-django42", "py39-django32", "py39-django42"]
    assert expand("py3{10-13}") == ["py310", "py311", "py312", "py313"]
    assert len(expand("{a,b}" * 20)) <= 512


@pytest.mark.parametrize(("reference", "repository", "version", "floating"), [
    ("python", "python", None, True),
    ("python:latest", "python", None, True),
    ("python:slim-bookworm", "python", None, True),
    ("python:3", "python", "3", False),
    ("python:3-slim", "python", "3", False),
    ("python:3.11.7-bookworm", "python", "3.11.7", False),
    ("localhost:5000/library/python:3.12", "python", "3.12", False),
    ("python@sha256:abc", "python", None, False),
    ("mcr.microsoft.com/devcontainers/python:1-3.12", "python", None, False),
])
def test_image_tags(reference: str, repository: str, version: str | None, floating: bool) -> None:
    image = parse_image(reference)
    assert image.repository == repository
    assert (str(image.version()) if image.version() else None) == version
    assert image.floating is floating


def test_github_actions_multiline_versions_and_unquoted_numbers(tmp_path: Path) -> None:
    write_project(tmp_path, {".github/workflows/ci.yml": """\
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/setup-python@v5
                with:
                  python-version: |
                    3.9
                    3.12
              - uses: actions/setup-python@v5
                with:
                  python-version: 3.10
              - uses: actions/setup-python@v5
                with:
                  python-version: ${{ env.PY }}
        """})
    path = tmp_path / ".github" / "workflows" / "ci.yml"
    targets, _ = find_targets([(str(path), "ci.yml")])
    assert [(t.line, t.column, str(t.version)) for t in targets] == [(8, 12, "3.9"), (9, 12, "3.12"), (12, 26, "3.10")]


def test_gitlab_image_from_variables(tmp_path: Path) -> None:
    write_project(tmp_path, {".gitlab-ci.yml": """\
        variables:
          PY: "3.8"
        test:
          image: python:${PY}-slim
          script: [pytest]
        lint:
          image: registry.example.com/tools/python:$UNSET
          script: [ruff]
        """})
    targets, _ = find_targets([(str(tmp_path / ".gitlab-ci.yml"), ".gitlab-ci.yml")])
    assert [(t.line, t.text, str(t.version) if t.version else None) for t in targets] == [
        (4, "python:3.8-slim", "3.8"), (7, "registry.example.com/tools/python:$UNSET", None)]


def test_files_are_recognised_by_name_and_place() -> None:
    assert reader_for("/p/.github/workflows/ci.yaml") is not None
    assert reader_for("/p/workflows/ci.yaml") is None
    assert reader_for("/p/docker/Dockerfile.prod") is not None
    assert reader_for("/p/api.Dockerfile") is not None
    assert reader_for("/p/compose.override.yaml") is not None
    assert reader_for("/p/requirements.txt") is None


@pytest.mark.parametrize("path", [
    *(f"/p/{name}" for name in BY_NAME), "/p/.github/workflows/ci.yaml", "/p/.github/workflows/ci.YML",
    "/p/workflows/ci.yaml", "/p/docker/Dockerfile.prod", "/p/api.Dockerfile", "/p/Containerfile",
    "/p/compose.override.yaml", "/p/docker-compose.yml", "/p/requirements.txt", "/p/setup.py.bak", "/p/app.py",
])
def test_the_name_test_of_a_scan_agrees_with_the_readers(path: str) -> None:
    # A scan asks `names_pythons` first, without importing the readers: it must never miss one.
    assert set(BY_NAME) == NAMED
    assert names_pythons(path) == (reader_for(path) is not None)


@pytest.mark.parametrize(("name", "content"), [
    ("pyproject.toml", "[project\nrequires-python = '>=3.8'"),
    ("Pipfile", b"\xff\xfe[requires]\x00\x00"),
    ("Dockerfile", b"\x00\x01\x02FROM python:3.8"),
    (".gitlab-ci.yml", "image: [unclosed"),
    (".github/workflows/ci.yml", "a: &a [*a, *a]\njobs: {x: {steps: *a}}\n"),
    ("tox.ini", "[tox]\nenvlist = " + "{" * 5000 + "\n"),
    ("setup.py", "setup(" * 100_000),
    ("noxfile.py", "@nox.session(python=" + "[" * 2000 + "'3.8'" + "]" * 2000 + ")\ndef t(s): pass\n"),
    (".python-version", "\x00" * 10),
])
def test_hostile_files_become_diagnostics_not_crashes(tmp_path: Path, name: str, content: str | bytes) -> None:
    write_project(tmp_path, {name: content})
    targets, diagnostics = find_targets([(str(tmp_path / name), name)])
    assert all(t.version is None or t.version.major in (2, 3) for t in targets)
    assert len(diagnostics) <= 1


def test_an_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    targets, diagnostics = find_targets([(str(tmp_path / "runtime.txt"), "runtime.txt")])
    assert targets == [] and diagnostics[0].path == "runtime.txt"


def test_symlink_loop_is_a_diagnostic(tmp_path: Path) -> None:
    loop = tmp_path / "Dockerfile"
    loop.symlink_to(loop)
    targets, diagnostics = find_targets([(str(loop), "Dockerfile")])
    assert targets == [] and len(diagnostics) == 1


# -- live interpreters -----------------------------------------------------------------------------


def test_the_running_interpreter() -> None:
    target = running.current()
    assert target.version is not None and target.version.exact is not None
    assert (target.version.major, target.version.minor) == sys.version_info[:2]


@pytest.mark.parametrize("version", ["2.7.18", "3.6.15", "3.11.7", "3.13.0"])
def test_probing_installed_interpreters_runs_them_without_site(version: str) -> None:
    python = Path.home() / ".pyenv" / "versions" / version / "bin" / "python"
    if not python.exists():
        pytest.skip(f"no pyenv {version} here")
    target = running.probe(str(python))
    assert str(target.version) == version and target.path == f"<python {python}>"


def test_probing_something_else_fails_cleanly(tmp_path: Path) -> None:
    script = tmp_path / "fake-python"
    script.write_text("#!/bin/sh\necho 'not a python'\n")
    script.chmod(0o755)
    with pytest.raises(SourceError, match="did not report a Python version"):
        running.probe(str(script))
    with pytest.raises(SourceError, match="not an executable"):
        running.probe(str(tmp_path / "missing"))


def test_gitlab_component_with_a_spec_header_document(tmp_path: Path) -> None:
    write_project(tmp_path, {".gitlab-ci.yml": """\
        spec:
          inputs:
            stage:
              default: test
        ---
        test:
          image: python:3.9-slim
          script: [pytest]
        """})
    targets, diagnostics = find_targets([(str(tmp_path / ".gitlab-ci.yml"), ".gitlab-ci.yml")])
    assert [(t.line, str(t.version)) for t in targets] == [(7, "3.9")] and not diagnostics
