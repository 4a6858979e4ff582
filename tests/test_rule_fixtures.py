"""Every pattern rule has positive and negative fixtures whose annotated expectations hold exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from expectations import actual, compare, expected, scope

from bastion.config import Config
from bastion.engine.runner import check_text
from bastion.rules import registry

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
FILES = sorted(FIXTURES.glob("*/*.py"))


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.name}" for p in FILES])
def test_fixture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    relative = path.relative_to(FIXTURES).as_posix()
    findings = check_text(text, path=relative, config=Config(select=("ALL",)), module=path.stem)
    want = expected(text)
    got = actual(findings, scope(text, path))
    if path.stem.startswith("negative"):
        assert not want, "negative fixtures must not expect findings"
    assert want == got, f"{relative}:\n{compare(want, got)}"


@pytest.mark.parametrize("entry", [r for r in registry.all_rules() if r.check], ids=lambda r: r.info.code)
def test_every_pattern_rule_has_positive_and_negative_fixtures(entry: registry.Rule) -> None:
    directory = FIXTURES / entry.info.code
    positives = list(directory.glob("positive*.py"))
    negatives = list(directory.glob("negative*.py"))
    assert positives and negatives, f"{entry.info.code} needs tests/fixtures/rules/{entry.info.code}/positive.py and negative.py"
    assert any(expected(p.read_text()) for p in positives), "positive fixtures must expect at least one finding"
