"""Every Bandit 1.9 check has a Bastion rule that fires on a Bandit-style example of it.

`tests/fixtures/bandit/<id>.py` holds one example per Bandit test id (the kind of code Bandit's own
examples use); a Bastion rule mapped to that id in `bandit_ids.py` must report it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_json, write_project

from bastion.config import Config
from bastion.engine.runner import check_text
from bastion.rules.bandit_ids import BANDIT_TO_BASTION

EXAMPLES = Path(__file__).parent / "fixtures" / "bandit"


def test_every_mapped_bandit_id_has_an_example() -> None:
    assert sorted(BANDIT_TO_BASTION) == sorted(p.stem for p in EXAMPLES.glob("B*.py"))


@pytest.mark.parametrize("bandit_id", sorted(BANDIT_TO_BASTION))
def test_a_mapped_rule_fires_on_the_bandit_example(bandit_id: str) -> None:
    path = EXAMPLES / f"{bandit_id}.py"
    findings = check_text(path.read_text(encoding="utf-8"), path=f"app/{bandit_id.lower()}.py", config=Config(select=("ALL",)))
    fired = {finding.code for finding in findings}
    assert fired & set(BANDIT_TO_BASTION[bandit_id]), f"{bandit_id}: expected one of {BANDIT_TO_BASTION[bandit_id]}, got {sorted(fired)}"


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("cursor.execute(\"SELECT * FROM t WHERE a = '%s'\" % value)  # nosec B608", "BST501"),
        ("state = torch.load(path)  # nosec B614", "BST211"),
        ("assert request.user.is_superuser  # nosec B101", "BST225"),
    ],
)
def test_nosec_with_a_bandit_id_suppresses_the_mapped_rule(tmp_path: Path, line: str, code: str) -> None:
    write_project(tmp_path, {"views.py": f"import torch\n\n\ndef view(request, cursor, value, path):\n    {line}\n"})
    _, honoured = run_json("check", str(tmp_path), "--isolated", "--select", code, "--honor-nosec")
    _, ignored = run_json("check", str(tmp_path), "--isolated", "--select", code)
    assert [f["code"] for f in ignored["findings"]] == [code]
    assert not honoured["findings"]
