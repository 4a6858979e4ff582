"""`[tool.bastion]` configuration: discovery upward, validation, and what each key does."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli, run_json, write_project

from bastion.config import ConfigError, load

CODE = "import yaml\nimport os\n\ndef f(t):\n    os.system('x' + t)\n    return yaml.load(t)\n"


def test_found_upward_from_the_target(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": "[tool.bastion]\nignore = ['BST204']\n", "src/pkg/a.py": CODE})
    _, report = run_json("check", str(tmp_path / "src" / "pkg"))
    assert [f["code"] for f in report["findings"]] == ["BST202"]


def test_bastion_toml_and_pyproject_without_table(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n", "bastion.toml": "select = ['yaml-unsafe-load']\n", "a.py": CODE})
    config = load([tmp_path])
    assert config.select == ("yaml-unsafe-load",) and config.source == tmp_path.resolve() / "bastion.toml"


@pytest.mark.parametrize(
    ("toml", "fragment"),
    [
        ("[tool.bastion]\nselcet = ['BST2']\n", "unknown key 'tool.bastion.selcet'"),
        ("[tool.bastion]\nseverity = 'urgent'\n", "bad value for 'tool.bastion.severity'"),
        ("[tool.bastion]\njobs = -1\n", "bad value for 'tool.bastion.jobs'"),
        ("[tool.bastion]\nselect = ['BST999']\n", "unknown rule"),
        ("[tool.bastion]\nselect = 'BST2\n", "invalid TOML"),
        ("[tool.bastion.taint]\nno-such-key = 1\n", "unknown key 'tool.bastion.taint.no-such-key'"),
    ],
)
def test_bad_configuration_is_exit_two_naming_key_and_file(tmp_path: Path, toml: str, fragment: str) -> None:
    write_project(tmp_path, {"pyproject.toml": toml, "a.py": CODE})
    with pytest.raises(ConfigError, match=r"pyproject\.toml"):
        load([tmp_path])
    code, _, err = run_cli("check", str(tmp_path), "--no-cache")
    assert code == 2
    assert fragment in err and "pyproject.toml" in err


def test_per_file_ignores_severity_and_fail_on(tmp_path: Path) -> None:
    write_project(
        tmp_path,
        {
            "pyproject.toml": """\
                [tool.bastion]
                per-file-ignores = { "scripts/*" = ["secure-coding"] }
                fail-on = "critical"
                """,
            "scripts/tool.py": CODE,
            "app.py": CODE,
        },
    )
    code, report = run_json("check", str(tmp_path))
    assert {f["location"]["path"].rsplit("/", 1)[-1] for f in report["findings"]} == {"app.py"}
    assert code == 0  # nothing critical
    _, report = run_json("check", str(tmp_path), "--severity", "critical")
    assert report["findings"] == []


def test_cli_flags_override_config(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": "[tool.bastion]\nselect = ['BST204']\n", "a.py": CODE})
    _, report = run_json("check", str(tmp_path), "--select", "BST202")
    assert [f["code"] for f in report["findings"]] == ["BST202"]


def test_explicit_config_file(tmp_path: Path) -> None:
    write_project(tmp_path, {"custom.toml": "ignore = ['BST202', 'BST204']\n", "a.py": CODE})
    code, report = run_json("check", str(tmp_path), "--config", str(tmp_path / "custom.toml"))
    assert code == 0 and report["findings"] == []
    code, _, err = run_cli("check", str(tmp_path), "--config", str(tmp_path / "nope.toml"))
    assert code == 2 and "not found" in err


def test_isolated_ignores_configuration_files(tmp_path: Path) -> None:
    write_project(tmp_path, {"pyproject.toml": "[tool.bastion]\nextend-exclude = ['vendor']\nignore = ['BST202']\n", "vendor/a.py": CODE})
    _, report = run_json("check", str(tmp_path))
    assert report["findings"] == []
    _, report = run_json("check", str(tmp_path), "--isolated")
    assert {f["code"] for f in report["findings"]} == {"BST202", "BST204"}
