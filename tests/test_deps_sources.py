"""Manifest and lock-file parsers: names, versions, lines, markers and references as written."""

from __future__ import annotations

import os
import sys

from deps_helpers import DATA

from bastion.deps.collect import parse_manifests
from bastion.deps.sources import parse_file
from bastion.deps.sources.installed import read_environment, site_packages
from bastion.deps.sources.poetry_constraints import to_pep440
from bastion.deps.sources.requirements import logical_lines

MANIFESTS = DATA / "manifests"


def _parse(relative: str):
    path = MANIFESTS / relative
    return parse_file(str(path), relative)


def _rows(manifest):
    return [(d.name, d.line, d.version, d.specifier, d.reference is not None) for d in manifest.dependencies]


def test_requirements_file_with_options_hashes_extras_markers_and_references():
    manifest = _parse("reqs/requirements.txt")
    rows = {d.name: d for d in manifest.dependencies}
    assert rows["Django"].version == "3.2.0" and rows["Django"].line == 6
    assert rows["requests"].version is None and rows["requests"].specifier == "<3,>=2.0"
    assert rows["requests"].extras == ("security", "socks") and rows["requests"].marker == 'python_version >= "3.8"'
    assert rows["flask"].specifier == "" and rows["flask"].version is None
    assert rows["cryptography"].version == "41.0.0" and rows["cryptography"].line == 9
    assert rows["examplelib"].reference.startswith("git+https://") and rows["examplelib"].editable
    assert rows["somewheel"].reference.endswith(".whl")
    assert rows["mylocal"].reference == "file:///opt/wheels/mylocal-2.0.tar.gz"
    assert rows["numpy"].version == "1.16.0"  # === pins too
    assert rows["pyyaml"].version is None  # a wildcard is a range
    assert any(r for r in rows.values() if r.reference == ".")
    assert any(r for r in rows.values() if r.reference == "./vendor/thing")
    assert [d.line for d in manifest.diagnostics] == [20]
    assert [os.path.basename(p) for p, _ in manifest.includes] == ["requirements-base.txt", "constraints.txt"]
    assert [c for _, c in manifest.includes] == [False, True]


def test_includes_are_followed_once_even_when_circular():
    manifests = parse_manifests([(str(MANIFESTS / "reqs/requirements.txt"), "reqs/requirements.txt")])
    kinds = sorted((os.path.basename(m.path), m.kind) for m in manifests)
    assert kinds == [("constraints.txt", "constraints"), ("requirements-base.txt", "requirements"), ("requirements.txt", "requirements")]
    constraints = next(m for m in manifests if m.kind == "constraints")
    assert [(d.name, d.version, d.group) for d in constraints.dependencies] == [("idna", "2.7", "constraints")]


def test_logical_lines_join_continuations_and_drop_comments():
    assert logical_lines("a==1 \\\n  --hash=x  # c\n# only comment\nb\n") == [(1, "a==1 --hash=x"), (4, "b")]


def test_pyproject_poetry_tables():
    manifest = _parse("poetry/pyproject.toml")
    assert manifest.requires_python == ">=3.9,<4"
    rows = {d.name: d for d in manifest.dependencies}
    assert rows["django"].specifier == ">=3.2,<4" and rows["django"].line == 7
    assert rows["requests"].version == "2.19.0" and rows["requests"].extras == ("socks",)
    assert rows["pillow"].version == "6.2.0"
    assert rows["numpy"].specifier == ">=1.16,<1.17" and rows["numpy"].marker == 'python_full_version < "3.8"'
    assert rows["mylib"].reference and rows["local"].reference and rows["local"].editable
    assert rows["pytest"].group == "dev" and rows["pytest"].specifier == ""


def test_pep621_and_pep735(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nrequires-python = ">=3.10"\ndependencies = [\n  "Django==3.2.0",\n  "attrs",\n]\n'
        '[project.optional-dependencies]\nyaml = ["PyYAML==5.3"]\n'
        '[dependency-groups]\ntest = ["pytest==6.2.0", {include-group = "lint"}]\nlint = ["ruff"]\n'
    )
    manifest = parse_file(str(tmp_path / "pyproject.toml"), "pyproject.toml")
    assert [(d.name, d.line, d.version, d.group) for d in manifest.dependencies] == [
        ("Django", 5, "3.2.0", ""), ("attrs", 6, None, ""), ("PyYAML", 9, "5.3", "yaml"),
        ("pytest", 11, "6.2.0", "test"), ("ruff", 12, None, "lint"),
    ]
    assert manifest.requires_python == ">=3.10"


def test_poetry_constraints_to_pep440():
    assert to_pep440("^1.2.3") == ">=1.2.3,<2"
    assert to_pep440("^0.2.3") == ">=0.2.3,<0.3"
    assert to_pep440("^0.0.3") == ">=0.0.3,<0.0.4"
    assert to_pep440("~1.2.3") == ">=1.2.3,<1.3"
    assert to_pep440("~1") == ">=1,<2"
    assert to_pep440("1.2.3") == "==1.2.3"
    assert to_pep440("1.2.*") == "==1.2.*"
    assert to_pep440(">=1.2, <2.0") == ">=1.2,<2.0"
    assert to_pep440("*") == ""
    assert to_pep440("^1.0 || ^2.0") == ">=1.0,<2 || >=2.0,<3"


def test_poetry_lock():
    manifest = _parse("poetry/poetry.lock")
    assert manifest.is_lock and manifest.lock_tool == "poetry"
    assert _rows(manifest) == [("django", 2, "3.2.0", "==3.2.0", False), ("mylib", 10, None, "", True), ("pytest", 24, "6.2.0", "==6.2.0", False)]
    assert [d.group for d in manifest.dependencies] == ["", "", "dev"]


def test_pipfile_and_lock():
    pipfile = _parse("pipenv/Pipfile")
    rows = {d.name: d for d in pipfile.dependencies}
    assert rows["requests"].version == "2.19.0" and rows["requests"].line == 7
    assert rows["flask"].specifier == "" and rows["django"].specifier == ">=2.2" and rows["django"].extras == ("argon2",)
    assert rows["mylib"].reference and rows["pytest"].version == "6.2.0" and rows["pytest"].group == "dev"
    assert pipfile.requires_python == "==3.9.*"
    lock = _parse("pipenv/Pipfile.lock")
    assert _rows(lock) == [("requests", 4, "2.19.0", "==2.19.0", False), ("flask", 5, "0.12", "==0.12", False), ("mylib", 6, None, "", True), ("pytest", 9, "6.2.0", "==6.2.0", False)]
    assert lock.dependencies[1].marker == "python_version >= '3.6'"


def test_uv_lock_skips_the_project_itself():
    manifest = _parse("uv/uv.lock")
    assert _rows(manifest) == [("jinja2", 12, "2.10", "==2.10", False), ("markupsafe", 18, "2.1.5", "==2.1.5", False), ("tool", 23, None, "", True)]
    assert manifest.requires_python == ">=3.10"


def test_pdm_lock_and_pylock():
    pdm = _parse("pdm/pdm.lock")
    assert _rows(pdm) == [("urllib3", 8, "1.24.1", "==1.24.1", False), ("pytest", 15, "6.2.0", "==6.2.0", False)]
    assert pdm.dependencies[1].marker == 'python_version < "3.0"' and pdm.dependencies[1].group == "dev"
    pylock = _parse("pylock/pylock.toml")
    assert _rows(pylock) == [("pyyaml", 7, "5.3", "==5.3", False), ("pywin32", 13, "227", "==227", False), ("localpkg", 18, None, "", True)]
    assert pylock.dependencies[1].marker == "sys_platform == 'win32'"


def test_setup_cfg_and_conda():
    setup = _parse("setupcfg/setup.cfg")
    assert [(d.name, d.line, d.version, d.group) for d in setup.dependencies] == [
        ("requests", 7, "2.19.0", ""), ("click", 8, None, ""), ("jinja2", 9, None, ""), ("pyyaml", 13, "5.3", "yaml"),
    ]
    assert setup.requires_python == ">=3.8"
    conda = _parse("conda/environment.yml")
    assert _rows(conda) == [("requests", 9, "2.19.0", "==2.19.0", False), ("flask", 10, None, ">=1.0", False), ("lib", 11, None, "", True)]
    assert conda.requires_python == "==3.9.*"


def test_hostile_manifests_become_diagnostics(tmp_path):
    cases = {
        "pyproject.toml": b"[project\n",
        "poetry.lock": b"\xff\xfe\x00garbage",
        "Pipfile.lock": b"{" * 5000,
        "environment.yml": b"dependencies: [unclosed",
        "uv.lock": ("a = " + "[" * 30000 + "]" * 30000).encode(),  # too deep under any recursion limit a scan sets
        "requirements.txt": "é==1\n".encode("latin-1"),
    }
    for name, data in cases.items():
        directory = tmp_path / name.replace(".", "_")
        directory.mkdir()
        (directory / name).write_bytes(data)
        manifest = parse_file(str(directory / name), name)
        assert manifest.dependencies == [] and manifest.diagnostics, name


def test_installed_environment_is_read_from_metadata(tmp_path):
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    (site / "Django-3.2.0.dist-info").mkdir(parents=True)
    (site / "Django-3.2.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: Django\nVersion: 3.2.0\n")
    (site / "django").mkdir()
    (site / "django" / "__init__.py").write_text("raise SystemExit('imported!')\n")
    found = site_packages(str(tmp_path / "venv"))
    manifest = read_environment(found, label="venv")
    assert [(d.name, d.version, d.locked) for d in manifest.dependencies] == [("Django", "3.2.0", True)]
    running = read_environment()
    assert any(d.key == "packaging" for d in running.dependencies)
    assert running.requires_python == f"=={sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}"


def test_includes_outside_the_project_are_not_followed(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.txt").write_text("token-abc123==1\n")
    (project / "requirements.txt").write_text("-r ../secret.txt\n-r /etc/passwd\nsix==1.16.0\n")
    manifests = parse_manifests([(str(project / "requirements.txt"), "requirements.txt")], project)
    assert [os.path.basename(m.path) for m in manifests] == ["requirements.txt"]
    messages = [d.message for d in manifests[0].diagnostics]
    assert len(messages) == 2 and all("outside the project" in m for m in messages)
    assert not any("token" in m for m in messages)
