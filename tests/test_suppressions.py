"""Inline suppressions: statement-wide, multi-line, by code or name, file-wide, nosec, unused."""

from __future__ import annotations

from pathlib import Path

from helpers import run_json, write_project

SOURCE = '''\
import os
import subprocess
import yaml

os.system("a" + value())  # bastion: ignore[BST202]
os.system("b" + value())  # bastion: ignore[shell-command]
os.system("c" + value())  # bastion: ignore
os.system("d" + value())  # bastion: ignore[BST204]
subprocess.run(  # bastion: ignore[BST202]
    "e" + value(),
    shell=True,
)
subprocess.run(
    "f" + value(),
    shell=True,
)  # bastion: ignore[BST202]
data = yaml.load(value())  # nosec B506
other = yaml.load(value())  # nosec
text = "# bastion: ignore"; os.system("g" + value())
'''


def _lines(report: dict) -> list[tuple[int, str]]:
    return [(f["location"]["line"], f["code"]) for f in report["findings"]]


def test_statement_wide_suppressions(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": SOURCE})
    _, report = run_json("check", str(tmp_path))
    assert _lines(report) == [(8, "BST202"), (17, "BST204"), (18, "BST204"), (19, "BST202")]
    assert report["summary"]["suppressed"] == 5


def test_nosec_only_when_honoured(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": SOURCE})
    _, report = run_json("check", str(tmp_path), "--honor-nosec")
    assert _lines(report) == [(8, "BST202"), (19, "BST202")]


def test_file_wide_suppression(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "# bastion: ignore-file[BST202]\n" + SOURCE})
    _, report = run_json("check", str(tmp_path))
    assert {code for _, code in _lines(report)} == {"BST204"}


def test_unused_suppressions_are_reported(tmp_path: Path) -> None:
    write_project(tmp_path, {"a.py": "x = 1  # bastion: ignore[BST201]\nimport os\nos.system('a' + value())  # bastion: ignore\n"})
    code, report = run_json("check", str(tmp_path), "--report-unused-suppressions")
    unused = [d for d in report["diagnostics"] if d["kind"] == "unused-suppression"]
    assert [(d["line"], "BST201" in d["message"]) for d in unused] == [(1, True)]
    assert code == 1
