"""Every Bandit 1.9 check has a Bastion rule that fires on a Bandit-style example of it.

`tests/fixtures/bandit/<id>.py` holds one example per Bandit test id (the kind of code Bandit's own
examples use); a Bastion rule mapped to that id in `bandit_ids.py` must report it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
