"""Adopting Bastion in an existing codebase: baselines, pull-request mode, autofix."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from helpers import run_cli, run_json, write_project

APP = """\
import os
import yaml


def load(text):
    return yaml.load(text)


def run(name):
    os.system("echo " + name)
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write_project(tmp_path, {"app.py": APP})
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "initial")
    return tmp_path


def test_baseline_hides_known_findings_and_survives_line_moves(repo: Path) -> None:
    baseline = repo / ".bastion-baseline.json"
    code, _, err = run_cli("baseline", str(repo), "-o", str(baseline), "--no-cache")
    assert code == 0 and "recorded 2 findings" in err
    data = json.loads(baseline.read_text())
    assert [entry["code"] for entry in data["findings"]] == ["BST202", "BST204"]
    assert all(entry["path"] == "app.py" for entry in data["findings"])
    (repo / "app.py").write_text("'''Docstring added above.'''\n\n\n" + APP)  # every line moves
    code, report = run_json("check", str(repo), "--baseline", str(baseline))
    assert code == 0 and report["findings"] == []


def test_a_second_identical_finding_is_new(repo: Path) -> None:
    baseline = repo / "b.json"
    run_cli("baseline", str(repo), "-o", str(baseline), "--no-cache")
    (repo / "app.py").write_text(APP.replace("    return yaml.load(text)\n", "    yaml.load(text)\n    return yaml.load(text)\n"))
    code, report = run_json("check", str(repo), "--baseline", str(baseline))
    assert code == 1 and [f["code"] for f in report["findings"]] == ["BST204"]


def test_baseline_is_sorted_and_stable(repo: Path) -> None:
    first, second = repo / "1.json", repo / "2.json"
    run_cli("baseline", str(repo), "-o", str(first), "--no-cache")
    run_cli("baseline", str(repo), "-o", str(second), "-j", "1")
    assert first.read_text() == second.read_text()


def test_bad_baseline_is_a_usage_error_and_is_left_alone(repo: Path) -> None:
    broken = repo / "broken.json"
    broken.write_text("{not json")
    code, _, err = run_cli("check", str(repo), "--baseline", str(broken), "--no-cache")
    assert code == 2 and "broken.json" in err
    assert broken.read_text() == "{not json"


def test_diff_base_reports_only_changed_lines(repo: Path) -> None:
    (repo / "app.py").write_text(APP + "\n\ndef again(x):\n    os.system('rm ' + x)\n")
    write_project(repo, {"new.py": "import pickle\npickle.loads(value())\n"})
    code, report = run_json("check", str(repo), "--diff-base", "HEAD")
    assert sorted((f["location"]["path"].rsplit("/", 1)[-1], f["location"]["line"]) for f in report["findings"]) == [
        ("app.py", 14),
        ("new.py", 2),
    ]
    code, _, err = run_cli("check", str(repo), "--diff-base", "no-such-rev", "--no-cache")
    assert code == 2 and "no-such-rev" in err


def test_fix_diff_previews_and_fix_writes(repo: Path) -> None:
    write_project(repo, {"client.py": "import requests\n\nrequests.get('https://x', verify=False, timeout=3)\n"})
    code, out, _ = run_cli("check", str(repo), "--fix", "--diff", "--no-cache")
    assert code == 1
    assert "-    return yaml.load(text)\n+    return yaml.safe_load(text)" in out
    assert "+requests.get('https://x', timeout=3)" in out
    assert "verify=False" in (repo / "client.py").read_text()  # --diff writes nothing
    code, report = run_json("check", str(repo), "--fix")
    assert [f["code"] for f in report["findings"]] == ["BST202"]  # not mechanically fixable
    assert (repo / "client.py").read_text() == "import requests\n\nrequests.get('https://x', timeout=3)\n"
    assert "yaml.safe_load(text)" in (repo / "app.py").read_text()


def test_fix_never_writes_code_that_does_not_parse(tmp_path: Path) -> None:
    from bastion.fix.apply import fix_file
    from bastion.model import Edit, Finding, Fix, Location
    from bastion.rules import registry

    target = tmp_path / "a.py"
    target.write_text("x = 1\n")
    broken = Finding(registry.info("BST201"), "m", Location(str(target), 1), fix=Fix("break", (Edit(1, 0, 1, 1, "def ("),)))
    result = fix_file(str(target), [broken], write=True)
    assert result.error and "would not parse" in result.error
    assert target.read_text() == "x = 1\n"


def test_fix_preserves_encoding_and_line_endings(tmp_path: Path) -> None:
    source = "# -*- coding: latin-1 -*-\r\nimport yaml\r\nname = 'caf\xe9'\r\ndata = yaml.load(name)\r\n"
    (tmp_path / "legacy.py").write_bytes(source.encode("latin-1"))
    code, _, _ = run_cli("check", str(tmp_path), "--fix", "--no-cache", "-q")
    assert code == 0
    assert (tmp_path / "legacy.py").read_bytes() == source.replace("yaml.load(", "yaml.safe_load(").encode("latin-1")
