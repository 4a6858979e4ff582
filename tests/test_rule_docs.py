"""Every rule is documented in the fixed shape, and the generated docs are up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from bastion import docs
from bastion.model import Practice
from bastion.rules import registry

DOCS = Path(__file__).resolve().parents[1] / "docs"
RULES = [entry.info for entry in registry.all_rules()]


@pytest.mark.parametrize("info", RULES, ids=lambda info: info.code)
def test_rule_is_fully_documented(info) -> None:
    assert info.summary and info.docs.what and info.docs.why
    assert info.docs.references, f"{info.code} needs references"
    assert info.practice in Practice and info.practice != Practice.EDUCATION
    if info.practice in (Practice.SECURE_CODING, Practice.DATA_PROTECTION, Practice.DATABASE):
        assert info.cwe, f"{info.code} needs a CWE"


def test_codes_and_names_are_unique() -> None:
    assert len({i.code for i in RULES}) == len({i.name for i in RULES}) == len(RULES)


def test_per_rule_pages_are_generated_and_current() -> None:
    pages = DOCS / "rules"
    stale = [info.code for info in RULES if not (pages / f"{info.code}.md").is_file() or (pages / f"{info.code}.md").read_text() != docs.rule_page(info)]
    extra = sorted({p.stem for p in pages.glob("BST*.md")} - {i.code for i in RULES})
    assert not stale and not extra, (
        f"regenerate with `bastion rules --write-docs docs` (stale: {stale}, extra: {extra})"
    )
