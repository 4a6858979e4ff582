"""The `bastion check` command end to end: exit codes, formats, selection, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from helpers import JSON_SCHEMA, SARIF_SCHEMA, run_cli, run_json, write_project

VULNERABLE = {
    "app.py": """\
        import subprocess
        import yaml

        def handler(name, text):
            subprocess.run("grep " + name, shell=True)
            return yaml.load(text)
        """,
    "safe.py": "import subprocess\nsubprocess.run(['ls'])\n",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path, VULNERABLE)


def test_findings_make_exit_code_one(project: Path) -> None:
    code, report = run_json("check", str(project))
    assert code == 1
    assert [(f["code"], f["location"]["line"]) for f in report["findings"]] == [("BST202", 5), ("BST204", 6)]


def test_clean_project_exits_zero(tmp_path: Path) -> None:
    write_project(tmp_path, {"ok.py": "print('hello')\n"})
    code, report = run_json("check", str(tmp_path))
    assert code == 0 and report["findings"] == []


def test_fail_on_threshold(project: Path) -> None:
    code, _ = run_json("check", str(project), "--fail-on", "critical")
    assert code == 0
    code, _ = run_json("check", str(project), "--fail-on", "high")
    assert code == 1


def test_exit_zero_flag(project: Path) -> None:
    code, _, _ = run_cli("check", str(project), "--exit-zero", "--no-cache")
    assert code == 0


def test_select_and_ignore_by_code_name_and_practice(project: Path) -> None:
    _, report = run_json("check", str(project), "--select", "yaml-unsafe-load")
    assert {f["code"] for f in report["findings"]} == {"BST204"}
    _, report = run_json("check", str(project), "--ignore", "BST204")
    assert {f["code"] for f in report["findings"]} == {"BST202"}
    _, report = run_json("check", str(project), "--select", "data-protection")
    assert report["findings"] == []


def test_unknown_selector_is_a_usage_error(project: Path) -> None:
    code, _, err = run_cli("check", str(project), "--select", "BST999")
    assert code == 2 and "BST999" in err


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    code, _, err = run_cli("check", str(project), "--format", "yaml")
    assert code == 2 and "unknown format" in err


def test_json_report_validates_against_documented_schema(project: Path) -> None:
    _, report = run_json("check", str(project))
    jsonschema.validate(report, json.loads(JSON_SCHEMA.read_text()))
    assert report["summary"]["by_severity"]["high"] == 2


def test_sarif_validates_and_carries_github_metadata(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.sarif"
    code, _, _ = run_cli("check", str(project), "--no-cache", "-f", "sarif", "-o", str(target))
    assert code == 1
    sarif = json.loads(target.read_text())
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    run = sarif["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert "CWE-78" in rules["BST202"]["properties"]["tags"]
    assert float(rules["BST202"]["properties"]["security-severity"]) >= 7
    assert rules["BST202"]["helpUri"] and rules["BST202"]["help"]["markdown"]
    result = run["results"][0]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uriBaseId"] == "%SRCROOT%" and not location["uri"].startswith("/")
    assert result["partialFingerprints"]


def test_several_outputs_at_once(project: Path, tmp_path: Path) -> None:
    json_path, sarif_path = tmp_path / "r.json", tmp_path / "r.sarif"
    code, out, _ = run_cli(
        "check", str(project), "--no-cache", "--output", f"json={json_path}", "--output", f"sarif={sarif_path}"
    )
    assert code == 1
    assert "BST202" in out  # the text report still goes to standard output
    assert json.loads(json_path.read_text())["summary"]["findings"] == 2
    assert json.loads(sarif_path.read_text())["version"] == "2.1.0"


def test_text_report_shows_code_in_context_and_summary(project: Path) -> None:
    _, out, _ = run_cli("check", str(project), "--no-cache")
    assert "subprocess.run(\"grep \" + name, shell=True)" in out
    assert "shell-command" in out and "Secure coding" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_explicit_file_is_scanned_even_when_excluded(tmp_path: Path) -> None:
    write_project(tmp_path, {"build/gen.py": "eval(value())\n"})
    _, report = run_json("check", str(tmp_path))
    assert report["findings"] == []
    _, report = run_json("check", str(tmp_path / "build" / "gen.py"))
    assert [f["code"] for f in report["findings"]] == ["BST201"]


def test_gitignore_and_extend_exclude(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            ".gitignore": "generated/\n",
            "generated/a.py": "eval(value())\n",
            "legacy/b.py": "eval(value())\n",
            "src/c.py": "eval(value())\n",
            ".venv/lib/d.py": "eval(value())\n",
        },
    )
    _, report = run_json("check", str(tmp_path), "--extend-exclude", "legacy")
    assert [f["location"]["path"].rsplit("/", 2)[-2:] for f in report["findings"]] == [["src", "c.py"]]


def test_rules_and_explain_commands() -> None:
    code, out, _ = run_cli("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and {"BST201", "BST202"} <= {r["code"] for r in rules}
    assert all(r["docs"]["what"] and r["docs"]["why"] for r in rules)
    code, out, _ = run_cli("explain", "eval-used")
    assert code == 0 and "Why is this bad?" in out and "literal_eval" in out
    code, _, _ = run_cli("explain", "BST999")
    assert code == 2


def test_console_script_and_module_entry_points(project: Path) -> None:
    bin_dir = Path(sys.executable).parent
    for command in ([str(bin_dir / "bastion")], [sys.executable, "-m", "bastion"]):
        result = subprocess.run([*command, "check", str(project), "--no-cache", "-q"], capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        assert "BST204" in result.stdout


def test_parallel_output_is_deterministic(tmp_path: Path) -> None:
    files = {f"pkg/m{i:02d}.py": f"import os\nos.system('x' + str({i}) + value())\n" for i in range(40)}
    write_project(tmp_path, files)
    _, serial = run_json("check", str(tmp_path), "-j", "1")
    _, parallel = run_json("check", str(tmp_path), "-j", "2")
    strip = lambda r: [(f["location"]["path"], f["location"]["line"], f["code"]) for f in r["findings"]]  # noqa: E731
    assert strip(serial) == strip(parallel) and len(strip(parallel)) == 40


@pytest.mark.parametrize("broken", [False, True], ids=["all-parse", "one-file-broken"])
def test_project_analyzers_run_beside_the_workers_with_the_same_results(tmp_path: Path, broken: bool) -> None:
    """Analyzers that read only files (interpreter, secrets in other files) run while the workers
    analyse the Python files; the report is the one a serial scan gives, also when a file does not parse."""
    files: dict[str, str] = {f"pkg/m{i:02d}.py": f"import os\nos.system('x' + str({i}) + value())\n" for i in range(30)}
    files["pyproject.toml"] = '[project]\nname = "x"\nrequires-python = ">=3.8"\n\n[tool.bastion.interpreter]\nas-of = "2026-11-22"\n'
    files["Dockerfile"] = "FROM python:3.8-slim\n"
    files["deploy/settings.ini"] = "[aws]\nkey = AKIAQX3PWMJD7KZR2TYB\nsecret = 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\n"
    files["setup.py"] = "from setuptools import setup\nsetup(python_requires='>=3.7'" + ("" if broken else ")") + "\n"
    write_project(tmp_path, files)
    _, serial = run_json("check", str(tmp_path), "-j", "1", "--no-cache")
    _, parallel = run_json("check", str(tmp_path), "-j", "2", "--no-cache")
    assert serial["findings"] == parallel["findings"] and serial["extras"] == parallel["extras"]
    assert serial["diagnostics"] == parallel["diagnostics"]
    codes = {f["code"] for f in parallel["findings"]}
    assert {"BST101", "BST202"} <= codes and any(code.startswith("BST4") for code in codes)
    assert any(row["path"].endswith("Dockerfile") for row in parallel["extras"]["interpreters"]["targets"])
