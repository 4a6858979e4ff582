"""An analysis runs only when one of the rules it reports is selected."""

from __future__ import annotations

from pathlib import Path

from helpers import write_project

from bastion.config import Config
from bastion.engine.analysis import load_analyzers
from bastion.engine.runner import scan
from bastion.rules import registry

APP = {
    "app.py": (
        "import os\n"
        "from flask import Flask, request\n"
        "app = Flask(__name__)\n"
        "\n"
        "@app.route('/run', methods=['POST'])\n"
        "def run():\n"
        "    os.system('echo ' + request.form['name'])\n"
        "    return 'ok'\n"
    ),
    "requirements.txt": "flask==0.12\n",
}


def _scan(root: Path, **overrides):
    return scan([root], Config(root=root, cache=False, **overrides), jobs=1)


def _names(enabled: set[str] | None) -> tuple[list[str], list[str]]:
    file_analyzers, project_analyzers = load_analyzers(enabled)
    return [a.name for a in file_analyzers], [a.name for a in project_analyzers]


def test_declared_in_lists_the_rules_of_an_analysis() -> None:
    taint = registry.declared_in("bastion.taint.rules")
    assert {"BST250", "BST251", "BST550", "BST750"} <= taint
    assert not taint & registry.declared_in("bastion.routes.rules")
    assert all(registry.get(code).check is None for code in taint)  # declared, not pattern rules


def test_analyzers_without_any_selected_rule_are_left_out() -> None:
    every = _names(None)
    assert _names({entry.info.code for entry in registry.all_rules()}) == every
    files, projects = _names({"BST201"})
    assert "taint" not in files and "routes" not in files and "secrets" in files  # secrets: redaction
    assert not {"taint", "routes", "dependencies", "interpreter"} & set(projects)
    files, projects = _names({"BST201", "BST251"})
    assert "taint" in files and "taint" in projects and "routes" not in projects


def test_a_narrow_selection_skips_the_other_analyses(tmp_path: Path) -> None:
    write_project(tmp_path, APP)
    everything = _scan(tmp_path)
    codes = {f.rule.code for f in everything.findings}
    assert "BST251" in codes and "routes" in everything.extras and "dependencies" in everything.extras

    pattern_only = _scan(tmp_path, select=("BST202",))
    assert {f.rule.code for f in pattern_only.findings} == {"BST202"}
    assert not {"routes", "dependencies", "interpreter"} & set(pattern_only.extras)

    taint_only = _scan(tmp_path, select=("BST251",))
    assert {f.rule.code for f in taint_only.findings} == {"BST251"}
    assert "routes" not in taint_only.extras
