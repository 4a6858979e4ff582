"""The interpreter check on realistic project layouts: exact findings, targets and messages."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from helpers import run_cli, run_json, write_project
from packaging.version import Version

from bastion.interpreter.checks import Settings, check
from bastion.interpreter.model import Role
from bastion.interpreter.releases import load_table
from bastion.interpreter.targets import find_targets, reader_for, targeted_versions

DATA = Path(__file__).parent / "data" / "interpreter"
FIXTURES = sorted(p.name for p in DATA.iterdir() if (p / "expected.txt").is_file())
TODAY = date(2026, 11, 22)


def _files(root: Path) -> list[tuple[str, str]]:
    found = []
    for directory, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            if reader_for(path):
                found.append((path, Path(path).relative_to(root).as_posix()))
    return found


def _findings(root: Path, today: date = TODAY, months: int = 6):
    targets, diagnostics = find_targets(_files(root))
    return check(targets, load_table(), Settings(today, months)), targets, diagnostics


def _expected(root: Path) -> Counter:
    lines = (root / "expected.txt").read_text().splitlines()
    pairs = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    return Counter((where.rsplit(":", 1)[0], int(where.rsplit(":", 1)[1]), code) for where, code in pairs)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_findings_are_exactly_the_expected_ones(name: str) -> None:
    root = DATA / name
    findings, _, diagnostics = _findings(root)
    actual = Counter((f.location.path, f.location.line, f.code) for f in findings)
    assert actual == _expected(root), "\n".join(f"{f.location.path}:{f.location.line} {f.code} {f.message}" for f in findings)
    assert not diagnostics


def test_poetry_caret_constraint_is_read_as_a_range() -> None:
    (admits,) = [f for f in _findings(DATA / "poetry-app", date(2025, 12, 1))[0] if f.code == "BST105" and "Poetry" in f.message]
    assert admits.message.startswith("Poetry python '^3.9' admits end-of-life versions: Python 3.9 (since October 2025);")


def test_requires_python_message_names_each_end_of_life_version(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.8"\n'})
    (finding,) = _findings(tmp_path, today=date(2026, 3, 1))[0]
    assert finding.code == "BST105" and (finding.location.line, finding.location.column) == (3, 19)
    assert "Python 3.8 (since 2024-10-07) and 3.9 (since October 2025)" in finding.message
    assert "'>=3.10'" in finding.message
    (today,) = _findings(tmp_path)[0]
    assert "3.8 (since 2024-10-07), 3.9 (since October 2025) and 3.10 (since October 2026)" in today.message


def test_requires_python_admitting_only_maintained_versions_is_quiet(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.11,<4"\n'})
    assert _findings(tmp_path)[0] == []


def test_end_of_life_soon_uses_the_warning_period(tmp_path: Path) -> None:
    write_project(tmp_path, {".python-version": "3.10\n"})
    (soon,) = _findings(tmp_path, today=date(2026, 6, 1))[0]
    assert soon.code == "BST103" and "October 2026" in soon.message
    assert _findings(tmp_path, today=date(2026, 6, 1), months=3)[0] == []
    (dead,) = _findings(tmp_path, today=date(2026, 11, 1))[0]
    assert dead.code == "BST101"


def test_patch_level_lists_each_cve_with_its_fixing_release(tmp_path: Path) -> None:
    write_project(tmp_path, {".python-version": "3.11.7\n"})
    (finding,) = _findings(tmp_path)[0]
    assert finding.code == "BST104"
    cves = dict(finding.properties)["cves"].split(",")
    for cve in ("CVE-2023-6597", "CVE-2024-0450", "CVE-2024-4032", "CVE-2024-6232", "CVE-2024-6923", "CVE-2024-7592",
                "CVE-2024-8088", "CVE-2024-9287", "CVE-2025-0938", "CVE-2025-4517", "CVE-2024-12718"):
        assert cve in cves
    assert "CVE-2024-12254" not in cves  # asyncio writelines: 3.12 and later only
    assert "CVE-2023-41105" not in cves  # fixed in 3.11.5, before 3.11.7
    assert "CVE-2024-6232, CVE-2024-6923, CVE-2024-7592, CVE-2024-8088 fixed in 3.11.10" in finding.message
    assert "upgrade to 3.11.13 or later" in finding.message


def test_latest_patch_and_newer_than_the_table_have_no_cve_finding(tmp_path: Path) -> None:
    write_project(tmp_path, {".python-version": "3.12.11\n3.13.99\n3.15.0\n"})
    assert _findings(tmp_path)[0] == []


def test_pypy_and_unknown_spellings_are_not_judged(tmp_path: Path) -> None:
    write_project(tmp_path, {".python-version": "pypy3.8-7.3.11\nsystem\nminiconda3-latest\n", "runtime.txt": "python-3.x\n"})
    assert _findings(tmp_path)[0] == []


def test_targets_table_and_targeted_versions(tmp_path: Path) -> None:
    root = DATA / "poetry-app"
    shutil.copytree(root, tmp_path / "app")  # the repository's own configuration excludes tests/data
    assert targeted_versions(tmp_path / "app") == [Version("3.9"), Version("3.10"), Version("3.12")]
    _, targets, _ = _findings(root)
    roles = Counter(t.role for t in targets)
    assert roles[Role.REQUIRES] == 2 and roles[Role.RUNS] == 4


def test_targeted_versions_from_requires_python_alone(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.12"\n'})
    assert targeted_versions(tmp_path) == [Version("3.12"), Version("3.13"), Version("3.14")]


def test_check_puts_findings_and_the_targets_table_into_the_report(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.8"\n\n[tool.bastion.interpreter]\nas-of = "2026-11-22"\n',
        "Dockerfile": "FROM python:3.8-slim\n",
    })
    _, report = run_json("check", str(tmp_path), "--select", "BST1")
    codes = sorted((f["code"], f["location"]["line"]) for f in report["findings"])
    assert codes == [("BST101", 1), ("BST105", 3)]
    table = report["extras"]["interpreters"]
    assert table["evaluated_on"] == "2026-11-22" and table["table"]["as_of"] == "2025-06-11"
    rows = {(row["path"].rsplit("/", 1)[-1], row["line"]): row for row in table["targets"]}
    assert rows[("Dockerfile", 1)]["status"] == "end-of-life" and rows[("Dockerfile", 1)]["version"] == "3.8"


def test_findings_are_suppressible_in_the_file(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "Dockerfile": "FROM python:3.8-slim  # bastion: ignore[BST101]\n",
        "pyproject.toml": '[project]\nname = "x"\n[tool.bastion.interpreter]\nas-of = "2026-11-22"\n',
    })
    _, report = run_json("check", str(tmp_path), "--select", "BST1")
    assert report["findings"] == []


def test_cli_checks_the_machines_default_python() -> None:
    python = Path.home() / ".pyenv" / "versions" / "3.11.7" / "bin" / "python"
    if not python.exists():
        pytest.skip("no pyenv 3.11.7 on this machine")
    code, out, _ = run_cli("interpreter", "--python", str(python), "--as-of", "2026-11-22", "--format", "json")
    data = json.loads(out)
    assert code == 1
    (finding,) = data["findings"]
    assert finding["code"] == "BST104" and finding["severity"] == "high"
    assert "Python 3.11.7 (this interpreter) misses 17 CVE fixes" in finding["message"]  # two are Windows-only
    for cve in ("CVE-2023-6597", "CVE-2024-4032", "CVE-2024-6232", "CVE-2024-9287", "CVE-2025-0938", "CVE-2025-4517"):
        assert cve in finding["message"]
    assert data["targets"][0]["version"] == "3.11.7"


def test_cli_text_output_and_exit_codes(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.8"\n'})
    code, out, _ = run_cli("interpreter", str(tmp_path), "--as-of", "2026-11-22")
    assert code == 1 and "BST105" in out and "admits end-of-life versions: Python 3.8" in out
    code, out, _ = run_cli("python", str(tmp_path), "--as-of", "2024-01-01")
    assert code == 0 and "0 findings" in out
    code, _, err = run_cli("interpreter", str(tmp_path / "missing"))
    assert code == 2 and "no such file" in err
    code, _, err = run_cli("interpreter", "--python", str(tmp_path / "pyproject.toml"))
    assert code == 2 and "not an executable" in err


def test_cli_env_reports_the_running_interpreter() -> None:
    code, out, _ = run_cli("interpreter", "--env", "--format", "json")
    data = json.loads(out)
    assert data["targets"][0]["version"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}.")
    assert code in (0, 1)


def test_cli_prints_the_release_table() -> None:
    code, out, _ = run_cli("interpreter", "--table", "--as-of", "2026-11-22")
    assert code == 0
    assert "3.9     end-of-life" in out and "3.11    security" in out and "2025-06-11" in out


def test_versions_in_test_data_directories_are_not_the_projects(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.12"\n\n[tool.bastion.interpreter]\nas-of = "2026-11-22"\n',
        "tests/data/legacy/setup.py": 'from setuptools import setup\nsetup(name="old", python_requires=">=2.7")\n',
        "tests/fixtures/Dockerfile": "FROM python:2.7\n",
        "deploy/Dockerfile": "FROM python:3.8-slim\n",
    })
    _, report = run_json("check", str(tmp_path), "--select", "BST1")
    assert [(f["code"], f["location"]["path"].rsplit("/", 2)[-2]) for f in report["findings"]] == [("BST101", "deploy")]
    assert targeted_versions(tmp_path) == [Version("3.8")]


@pytest.mark.parametrize("name", FIXTURES)
def test_bastion_check_reports_the_same_findings_as_the_check_itself(tmp_path: Path, name: str) -> None:
    root = tmp_path / name
    shutil.copytree(DATA / name, root)
    (root / "expected.txt").unlink()
    (root / "bastion.toml").write_text('[interpreter]\nas-of = "2026-11-22"\n')
    _, report = run_json("check", str(root), "--select", "BST1")
    actual = Counter((Path(f["location"]["path"]).resolve().relative_to(root.resolve()).as_posix(), f["location"]["line"], f["code"])
                     for f in report["findings"])
    assert actual == _expected(DATA / name)
    assert report["extras"]["interpreters"]["targets"]


def test_branches_older_than_the_table_are_end_of_life_and_newer_ones_unknown(tmp_path: Path) -> None:
    write_project(tmp_path, {".python-version": "3.3\n2.6\n3.15\n"})
    findings = _findings(tmp_path)[0]
    assert [(f.location.line, f.code) for f in findings] == [(1, "BST101"), (2, "BST101")]
    assert "Python 3.3, end of life before 2019-03-18" in findings[0].message


def test_windows_only_advisories_are_left_out_for_linux_images_and_kept_for_windows_ones(tmp_path: Path) -> None:
    write_project(tmp_path, {"Dockerfile": "FROM python:3.11.7-slim AS app\nFROM python:3.11.7-windowsservercore-ltsc2022 AS win\n"})
    linux, windows = (dict(f.properties)["cves"].split(",") for f in _findings(tmp_path)[0])
    assert "CVE-2024-4030" not in linux and "CVE-2024-3219" not in linux and len(linux) == 17
    assert "CVE-2024-4030" in windows and len(windows) == 19
