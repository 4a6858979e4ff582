"""Generated documentation is current, and every Bandit check has a Bastion equivalent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion.cli import main
from bastion.rules import registry
from bastion.rules.bandit_ids import BANDIT_CHECKS, BANDIT_TO_BASTION, migration_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"

# Every test id of Bandit 1.9.4 (`bandit.core.extension_loader.MANAGER`: plugins and blacklists).
BANDIT_1_9_IDS = ["B101", "B102", "B103", "B104", "B105", "B106", "B107", "B108", "B110", "B112", "B113", "B201", "B202", "B301", "B302", "B303", "B304", "B305", "B306", "B307", "B308", "B310", "B311", "B312", "B313", "B314", "B315", "B316", "B317", "B318", "B319", "B321", "B323", "B324", "B401", "B402", "B403", "B404", "B405", "B406", "B407", "B408", "B409", "B411", "B412", "B413", "B415", "B501", "B502", "B503", "B504", "B505", "B506", "B507", "B508", "B509", "B601", "B602", "B603", "B604", "B605", "B606", "B607", "B608", "B609", "B610", "B611", "B612", "B613", "B614", "B615", "B701", "B702", "B703", "B704"]


def test_rules_md_matches_bastion_rules_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "markdown"]) == 0
    generated = capsys.readouterr().out
    current = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert current == generated, "docs/rules.md is stale: run `bastion rules --format markdown > docs/rules.md`"


def test_every_bandit_check_is_mapped() -> None:
    missing = [bandit_id for bandit_id in BANDIT_1_9_IDS if not BANDIT_TO_BASTION.get(bandit_id)]
    assert not missing, f"Bandit ids without a Bastion equivalent: {missing}"


def test_installed_bandit_has_no_unmapped_checks() -> None:
    loader = pytest.importorskip("bandit.core.extension_loader")
    installed = set(loader.MANAGER.plugins_by_id) | set(loader.MANAGER.blacklist_by_id)
    assert not sorted(installed - set(BANDIT_TO_BASTION))


def test_mapped_codes_are_rules() -> None:
    unknown = {code for codes in BANDIT_TO_BASTION.values() for code in codes if registry.get(code) is None}
    assert not unknown, f"bandit_ids.py maps to unknown rules: {sorted(unknown)}"


def test_bandit_migration_md_is_generated_from_the_table() -> None:
    text = (DOCS / "bandit-migration.md").read_text(encoding="utf-8")
    assert text == migration_markdown(), "regenerate docs/bandit-migration.md from bastion.rules.bandit_ids.migration_markdown()"
    for bandit_id, (name, codes, _) in BANDIT_CHECKS.items():
        assert f"| {bandit_id} | `{name}` | {', '.join(codes)} |" in text
