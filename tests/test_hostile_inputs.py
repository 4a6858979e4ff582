"""Hostile inputs become diagnostics with the right kind; the scan goes on and never crashes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import JSON_SCHEMA, SARIF_SCHEMA, run_cli, run_json, write_project

GOOD = "import os\nos.system('rm ' + value())\n"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    write_project(
        tmp_path,
        {
            "good.py": GOOD,
            "syntax.py": "def broken(:\n    pass\n",
            "latin1.py": "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n".encode("latin-1"),
            "bom.py": b"\xef\xbb\xbfimport os\nos.system('ls ' + value())\n",
            "bad_encoding.py": b"x = '\xff\xfe\xfa'\n",
            "nul.py": b"x = 1\x00\n",
            "empty.py": "",
            "binary.py": bytes(range(256)) * 4,
            "fstring.py": "names = ['a']\nprint(f'{\", \".join(names)}')\n",
            "deep_expression.py": "x = " + "1 + " * 5000 + "1\n",
            "deep_parens.py": "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
            "huge.py": "x = 1\n" * (10 * 1024 * 1024 // 6 + 1),
        },
    )
    os.symlink("loop_b.py", tmp_path / "loop_a.py")
    os.symlink("loop_a.py", tmp_path / "loop_b.py")
    os.symlink("does_not_exist.py", tmp_path / "dangling.py")
    os.symlink(".", tmp_path / "self_dir")  # a directory symlink loop: never followed
    unreadable = tmp_path / "unreadable.py"
    unreadable.write_text("x = 1\n")
    unreadable.chmod(0)
    yield tmp_path
    unreadable.chmod(0o644)


def _kinds(report: dict) -> dict[str, str]:
    return {d["path"].rsplit("/", 1)[-1]: d["kind"] for d in report["diagnostics"]}


def test_each_hostile_file_gets_a_diagnostic_and_the_scan_goes_on(hostile: Path) -> None:
    code, report = run_json("check", str(hostile))
    kinds = _kinds(report)
    assert kinds["syntax.py"] == "syntax-error"
    assert kinds["bad_encoding.py"] == "decode-error"
    assert kinds["nul.py"] == "binary"
    assert kinds["binary.py"] == "binary"
    assert kinds["deep_parens.py"] in {"syntax-error", "too-deep"}
    assert kinds["huge.py"] == "too-large"
    assert kinds["loop_a.py"] == "symlink-loop" and kinds["loop_b.py"] == "symlink-loop"
    assert kinds["dangling.py"] == "broken-symlink"
    if os.geteuid() != 0:  # root reads anything
        assert kinds["unreadable.py"] == "unreadable"
    for fine in ("good.py", "latin1.py", "bom.py", "empty.py", "fstring.py"):
        assert fine not in kinds, report["diagnostics"]
    found = {(f["location"]["path"].rsplit("/", 1)[-1], f["code"]) for f in report["findings"]}
    assert found == {("good.py", "BST202"), ("bom.py", "BST202")}
    assert code == 1


def test_deep_expression_is_walked_or_diagnosed_never_crashes(hostile: Path) -> None:
    _, report = run_json("check", str(hostile / "deep_expression.py"))
    assert all(d["kind"] in {"too-deep", "syntax-error"} for d in report["diagnostics"])


def test_diagnostics_appear_in_every_format(hostile: Path, tmp_path_factory) -> None:
    import json

    import jsonschema

    out = tmp_path_factory.mktemp("out")
    code, text, _ = run_cli(
        "check", str(hostile), "--no-cache", "--output", f"sarif={out / 'r.sarif'}", "--output", f"json={out / 'r.json'}"
    )
    assert code == 1
    assert "syntax-error" in text and "too-large" in text
    sarif = json.loads((out / "r.sarif").read_text())
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("syntax-error" in n["message"]["text"] for n in notes)
    report = json.loads((out / "r.json").read_text())
    jsonschema.validate(report, json.loads(JSON_SCHEMA.read_text()))
    assert any(d["kind"] == "symlink-loop" for d in report["diagnostics"])


def test_max_file_size_is_configurable(hostile: Path) -> None:
    _, report = run_json("check", str(hostile / "huge.py"), "--max-file-size", str(20 * 1024 * 1024))
    assert not report["diagnostics"]


def test_nonexistent_path_is_a_diagnostic(tmp_path: Path) -> None:
    code, report = run_json("check", str(tmp_path / "missing"))
    assert code == 0 and report["diagnostics"][0]["kind"] == "unreadable"
