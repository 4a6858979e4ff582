"""`bastion deps`, `db`, `sbom` and the audit inside `bastion check`, end to end."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from deps_helpers import DATA, database_2026
from deps_oracle import SNAPSHOT_2024

from bastion.cli import main
from bastion.config import Config
from bastion.engine.runner import scan

MANIFESTS = DATA / "manifests"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "requirements.txt").write_text(
        "# web app\nDjango==3.2.0  # keep LTS\nrequests>=2.0\nflask\n"
        "-e git+https://github.com/example/lib.git#egg=lib\njinja2==2.10 ; python_version < '3.0'\nsix==1.16.0\n"
    )
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "demo"\nrequires-python = ">=3.10"\ndependencies = ["urllib3==1.26.0", "pyyaml>=5"]\n'
    )
    return tmp_path


def _check(project: Path, database: Path | None):
    sections = {"deps": {"database": database}} if database else {}
    return scan([project], Config(root=project, select=("BST6",), sections=sections, cache=False))


def test_check_reports_dependency_findings_on_their_lines(project):
    result = _check(project, database_2026())
    found = sorted((Path(f.location.path).name, f.location.line, f.location.column, f.rule.code) for f in result.findings)
    assert found == [
        ("pyproject.toml", 4, 17, "BST601"),
        ("pyproject.toml", 4, 36, "BST602"),
        ("requirements.txt", 2, 0, "BST601"),
        ("requirements.txt", 3, 0, "BST602"),
        ("requirements.txt", 3, 0, "BST603"),
        ("requirements.txt", 4, 0, "BST602"),
        ("requirements.txt", 4, 0, "BST603"),
        ("requirements.txt", 5, 3, "BST604"),
        ("requirements.txt", 6, 0, "BST601"),
    ]
    by_line = {(Path(f.location.path).name, f.location.line, f.rule.code): f for f in result.findings}
    django = by_line[("requirements.txt", 2, "BST601")]
    assert django.message.startswith("Django 3.2.0 has ") and "PYSEC-2021-7 (CVE-2021-31542, GHSA-rxjp-mfm9-w4wr)" in django.message
    jinja = by_line[("requirements.txt", 6, "BST601")]
    assert jinja.effective_severity.label == "info" and "cannot apply" in jinja.message and "3.10" in jinja.message
    pyyaml = by_line[("pyproject.toml", 4, "BST602")]
    assert "Require pyyaml>=5.4" in pyyaml.message and pyyaml.effective_confidence.label == "low"
    table = result.extras["dependencies"]
    assert table["targets"][0] == "3.10" and table["database"]["advisories"] > 6000
    six = next(row for row in table["packages"] if row["name"] == "six")
    assert six["status"] == "ok" and six["vulnerabilities"] == []
    json.dumps(result.extras)


def test_without_a_database_the_check_says_so_once_and_never_fails(project, tmp_path, monkeypatch):
    monkeypatch.setenv("BASTION_CACHE_DIR", str(tmp_path / "empty-cache"))
    result = _check(project, None)
    notes = [d for d in result.diagnostics if "bastion db update" in d.message]
    assert len(notes) == 1 and notes[0].level == "note"
    assert {f.rule.code for f in result.findings} == {"BST603", "BST604"}


def test_deps_command_text_and_exit_code(project, capsys):
    code = main(["deps", str(project), "--db", str(database_2026())])
    out = capsys.readouterr().out
    assert code == 1
    assert "PYSEC-2021-7" in out and "pinned dependencies audited" in out


def test_deps_ignore_vuln(project, capsys):
    (project / "requirements.txt").write_text("jinja2==2.10.1\n")
    (project / "pyproject.toml").unlink()
    code = main(["deps", str(project), "--db", str(database_2026()), "-f", "json"])
    rows = json.loads(capsys.readouterr().out)["dependencies"]
    assert code == 1 and rows[0]["vulnerabilities"]
    ignored = [x for row in rows for v in row["vulnerabilities"] for x in ("--ignore-vuln", v)]
    code = main(["deps", str(project), "--db", str(database_2026()), "-f", "json", *ignored])
    assert code == 0 and json.loads(capsys.readouterr().out)["dependencies"][0]["status"] == "ok"


def test_fix_dry_run_then_write_preserves_layout(project, capsys):
    before = (project / "requirements.txt").read_text()
    code = main(["deps", str(project), "--db", str(database_2026()), "--fix", "--dry-run"])
    diff = capsys.readouterr().out
    assert code == 1 and (project / "requirements.txt").read_text() == before
    assert "+dependencies = [\"urllib3==" in diff and "-Django==3.2.0  # keep LTS" in diff
    main(["deps", str(project), "--db", str(database_2026()), "--fix"])
    capsys.readouterr()
    after = (project / "requirements.txt").read_text().splitlines()
    assert after[0] == "# web app" and after[1].endswith("  # keep LTS") and after[2:5] == before.splitlines()[2:5]
    code = main(["deps", str(project), "--db", str(database_2026()), "-f", "json"])
    rows = json.loads(capsys.readouterr().out)["dependencies"]
    fixed = {row["name"]: row for row in rows if row["name"] in {"Django", "urllib3"}}
    assert all(row["status"] == "ok" for row in fixed.values()), fixed


def test_fix_for_lock_files_prints_the_tool_command(tmp_path, capsys):
    for name in ("poetry", "uv", "pipenv"):
        shutil.copytree(MANIFESTS / name, tmp_path / name)
    main(["deps", str(tmp_path), "--db", str(database_2026()), "--fix"])
    captured = capsys.readouterr()
    assert "run: poetry update django" in captured.err
    assert "run: uv lock --upgrade-package jinja2" in captured.err
    assert "run: pipenv update requests" in captured.err


def test_hash_pinned_requirements_are_not_edited(tmp_path, capsys):
    text = "urllib3==1.24.1 \\\n    --hash=sha256:0000\n"
    (tmp_path / "requirements.txt").write_text(text)
    main(["deps", str(tmp_path), "--db", str(database_2026()), "--fix"])
    assert (tmp_path / "requirements.txt").read_text() == text
    assert "hash-pinned" in capsys.readouterr().err


def test_sbom_is_valid_cyclonedx_1_6_with_vulnerabilities(project, tmp_path):
    from cyclonedx.schema import OutputFormat, SchemaVersion
    from cyclonedx.validation import make_schemabased_validator

    target = tmp_path / "bom.json"
    assert main(["sbom", str(project), "--db", str(database_2026()), "-o", str(target)]) == 0
    text = target.read_text()
    validator = make_schemabased_validator(OutputFormat.JSON, SchemaVersion.V1_6)
    assert validator.validate_str(text) is None
    bom = json.loads(text)
    assert bom["specVersion"] == "1.6"
    purls = {c.get("purl") for c in bom["components"]}
    assert {"pkg:pypi/django@3.2.0", "pkg:pypi/urllib3@1.26.0", "pkg:pypi/six@1.16.0"} <= purls
    vulnerability = next(v for v in bom["vulnerabilities"] if v["id"] == "PYSEC-2021-7")
    assert vulnerability["affects"][0]["ref"] == "django@3.2.0"


def test_db_update_from_source_and_status(tmp_path, capsys):
    target = tmp_path / "db.sqlite3"
    assert main(["db", "update", "--source", str(SNAPSHOT_2024), "--db", str(target), "--no-progress"]) == 0
    assert "2644 advisories" in capsys.readouterr().err
    assert main(["db", "status", "--db", str(target)]) == 0
    captured = capsys.readouterr()
    assert "advisories: 2644" in captured.out and "0.0 days ago" in captured.out and "warning" not in captured.err
    connection = sqlite3.connect(target)
    connection.execute("UPDATE meta SET value = '2026-01-01T00:00:00+00:00' WHERE key = 'built_at'")
    connection.commit()
    connection.close()
    assert main(["db", "status", "--db", str(target)]) == 0
    assert "older than 7 days" in capsys.readouterr().err


def test_db_status_without_database(tmp_path, capsys):
    assert main(["db", "status", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "bastion db update" in capsys.readouterr().err


def test_audit_of_another_environment(tmp_path, capsys):
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "urllib3-1.24.1.dist-info"
    site.mkdir(parents=True)
    (site / "METADATA").write_text("Metadata-Version: 2.1\nName: urllib3\nVersion: 1.24.1\n")
    code = main(["deps", "--path", str(tmp_path / "venv"), "--db", str(database_2026()), "-f", "json"])
    rows = json.loads(capsys.readouterr().out)["dependencies"]
    assert code == 1 and rows[0]["name"] == "urllib3" and rows[0]["status"] == "vulnerable"


def test_split_requirements_directory_and_stale_database_warning(tmp_path):
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements" / "base.txt").write_text("urllib3==1.24.1\n")
    (tmp_path / "requirements" / "prod.txt").write_text("-r base.txt\ngunicorn==23.0.0\n")
    stale = tmp_path / "stale.sqlite3"
    shutil.copy(database_2026(), stale)
    connection = sqlite3.connect(stale)
    connection.execute("UPDATE meta SET value = '2026-01-01T00:00:00+00:00' WHERE key = 'built_at'")
    connection.commit()
    connection.close()
    result = _check(tmp_path, stale)
    assert [(Path(f.location.path).name, f.location.line, f.rule.code) for f in result.findings] == [("base.txt", 1, "BST601")]
    assert any("days old" in d.message and d.level == "warning" for d in result.diagnostics)


def test_sbom_lists_aliases_as_references(project, tmp_path):
    target = tmp_path / "bom.json"
    main(["sbom", str(project), "--db", str(database_2026()), "-o", str(target)])
    vulnerability = next(v for v in json.loads(target.read_text())["vulnerabilities"] if v["id"] == "PYSEC-2021-7")
    assert {r["id"] for r in vulnerability["references"]} == {"CVE-2021-31542", "GHSA-rxjp-mfm9-w4wr"}


def test_fix_poetry_tables_pipfile_and_setup_cfg(tmp_path, capsys):
    shutil.copy(MANIFESTS / "poetry" / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "pipenv").mkdir()
    shutil.copy(MANIFESTS / "pipenv" / "Pipfile", tmp_path / "pipenv" / "Pipfile")
    (tmp_path / "cfg").mkdir()
    shutil.copy(MANIFESTS / "setupcfg" / "setup.cfg", tmp_path / "cfg" / "setup.cfg")
    main(["deps", str(tmp_path), "--db", str(database_2026()), "--fix"])
    capsys.readouterr()
    pyproject = (tmp_path / "pyproject.toml").read_text()
    assert 'requests = { version = "2.19.0"' not in pyproject and 'extras = ["socks"] }' in pyproject
    assert 'pillow = "6.2.0"' not in pyproject and 'django = "^3.2"' in pyproject  # ranges are not pins
    assert 'requests = "==2.19.0"' not in (tmp_path / "pipenv" / "Pipfile").read_text()
    assert "    requests==2.19.0\n" not in (tmp_path / "cfg" / "setup.cfg").read_text()
    main(["deps", str(tmp_path), "--db", str(database_2026()), "-f", "json"])
    rows = json.loads(capsys.readouterr().out)["dependencies"]
    assert not [row for row in rows if row["status"] == "vulnerable"]


def test_manifests_in_test_directories_are_left_out_unless_asked(tmp_path):
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "requirements.txt").write_text("urllib3==1.24.1\n")
    (tmp_path / "requirements.txt").write_text("six==1.16.0\n")
    assert _check(tmp_path, database_2026()).findings == []
    config = Config(root=tmp_path, select=("BST6",), sections={"deps": {"database": database_2026()}}, cache=False, scan_tests=True)
    assert [f.rule.code for f in scan([tmp_path], config).findings] == ["BST601"]
