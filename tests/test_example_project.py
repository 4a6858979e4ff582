"""The bundled example shop: what the README's first command shows, and --fix on it."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from helpers import run_cli, run_json

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "vulnerable-shop"


def test_example_shows_findings_across_practices() -> None:
    code, report = run_json("check", str(EXAMPLE))
    assert code == 1
    practices = {f["practice"] for f in report["findings"]}
    assert {"secure-coding", "data-protection", "logging"} <= practices
    assert not [d for d in report["diagnostics"] if d["kind"] in {"internal-error", "syntax-error"}]


def test_fix_removes_every_finding_it_claims_to_fix_and_the_example_still_parses(tmp_path: Path) -> None:
    shop = shutil.copytree(EXAMPLE, tmp_path / "shop")
    _, before = run_json("check", str(shop))
    fixable = [f for f in before["findings"] if f["fix"]]
    assert fixable, "the example should exercise autofix"
    _, _, err = run_cli("check", str(shop), "--fix", "--no-cache", "-q")
    assert f"fixed {len(fixable)} finding" in err
    _, after = run_json("check", str(shop))
    remaining = {(f["code"], f["location"]["path"].rsplit("/", 1)[-1], f["snippet"]) for f in after["findings"]}
    for finding in fixable:
        assert (finding["code"], finding["location"]["path"].rsplit("/", 1)[-1], finding["snippet"]) not in remaining
    assert not [f for f in after["findings"] if f["fix"]]
    for path in shop.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"))
