"""Bastion runs on every supported Python (3.12+) found on the machine, with the same results.

The other interpreter borrows this environment's pure-Python dependencies through PYTHONPATH, so
the check needs no network and no second installation.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "vulnerable-shop"
CANDIDATES = sorted(
    {
        path
        for pattern in ("~/.pyenv/versions/3.1[2-9]*/bin/python", "/usr/bin/python3.1[2-9]", "/usr/local/bin/python3.1[2-9]")
        for path in glob.glob(os.path.expanduser(pattern))
    }
)
OTHERS = [
    path
    for path in CANDIDATES
    if subprocess.run([path, "-c", "import sys; print(sys.version_info[:2])"], capture_output=True, text=True).stdout.strip()
    != str(sys.version_info[:2])
]
MODERN_SYNTAX = "names = ['a']\nprint(f'{\", \".join(names)}')\ntype Alias = list[int]\nimport os\nos.system('x' + input())\n"


def _findings(python: str, target: Path) -> list[tuple[str, int, str]]:
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), sysconfig.get_paths()["purelib"]]))
    result = subprocess.run(
        [python, "-m", "bastion", "check", str(target), "--no-cache", "-f", "json"], capture_output=True, text=True, env=environment
    )
    assert result.returncode in (0, 1), result.stderr
    return [(f["code"], f["location"]["line"], f["location"]["path"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.skipif(not OTHERS, reason="no other Python 3.12+ interpreter on this machine")
@pytest.mark.parametrize("python", OTHERS)
def test_same_results_on_other_pythons(python: str, tmp_path: Path) -> None:
    (tmp_path / "modern.py").write_text(MODERN_SYNTAX)
    assert _findings(python, tmp_path) == _findings(sys.executable, tmp_path) != []
    assert _findings(python, EXAMPLE) == _findings(sys.executable, EXAMPLE)
