"""The route inventory against the hand-reviewed expected inventories of the fixture applications."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bastion.config import Config
from bastion.engine.runner import scan

APPS = sorted(p for p in (Path(__file__).parent / "apps").iterdir() if (p / "expected.json").exists())


def _scan(app: Path) -> list[dict]:
    result = scan([app], Config(select=("ALL",), root=app.resolve()), use_cache=False)
    return result.extras.get("routes", [])


def _key(row: dict) -> tuple:
    return (row["path"], tuple(row["methods"]), row["handler"])


def measure(app: Path) -> dict[str, float]:
    expected = {_key(r): r for r in json.loads((app / "expected.json").read_text())["endpoints"]}
    actual = {_key(r): r for r in _scan(app)}
    found = set(expected) & set(actual)
    guards_ok = sum(1 for k in found if (actual[k]["access"], sorted(actual[k]["roles"])) == (expected[k]["access"], sorted(expected[k]["roles"])))
    want = {(k, code) for k, r in expected.items() for code in r["findings"]}
    got = {(k, code) for k, r in actual.items() for code in r["findings"]}
    return {
        "recall": len(found) / len(expected),
        "guards": guards_ok / max(1, len(found)),
        "precision": len(want & got) / len(got) if got else 1.0,
        "finding_recall": len(want & got) / len(want) if want else 1.0,
    }


@pytest.mark.parametrize("app", APPS, ids=[a.name for a in APPS])
def test_app_inventory(app: Path) -> None:
    scores = measure(app)
    assert scores["recall"] == 1.0
    assert scores["guards"] >= 0.95
    assert scores["precision"] >= 0.95
    assert scores["finding_recall"] >= 0.95


def test_every_framework_has_an_app() -> None:
    assert {a.name.split("_")[0] for a in APPS} >= {"flask", "fastapi", "django", "drf"}
