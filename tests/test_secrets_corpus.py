"""Precision and recall of the secret rules on the annotated corpus (tests/secrets_corpus/)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "secrets_corpus"

_spec = importlib.util.spec_from_file_location("secrets_evaluate", ROOT / "benchmarks" / "secrets" / "evaluate.py")
evaluate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(evaluate)


def test_corpus_is_big_and_varied_enough() -> None:
    expected = json.loads((CORPUS / "expected.json").read_text())
    decoys = json.loads((CORPUS / "decoys.json").read_text())
    assert len(expected) >= 50 and len(decoys) >= 80
    assert len({e["code"] for e in expected}) >= 15
    assert len({Path(e["file"]).suffix or Path(e["file"]).name for e in expected}) >= 8


def test_precision_and_recall_on_the_corpus() -> None:
    wanted = evaluate.expected()
    found = evaluate.bastion_findings()
    result = evaluate.score(found, wanted, strict=True)
    assert result["precision"] >= 0.95, sorted(found - wanted)
    assert result["recall"] >= 0.95, sorted(wanted - found)


def test_fixture_secrets_are_reported_with_low_confidence() -> None:
    from bastion.config import Config
    from bastion.engine.runner import scan
    from bastion.model import Confidence

    config = Config(root=CORPUS, select=("BST45", "BST46", "BST47", "BST48", "BST49"), cache=False)
    result = scan([CORPUS / "tests", CORPUS / "shop" / "fixtures"], config, use_cache=False, jobs=1)
    assert len(result.findings) >= 4
    assert {f.effective_confidence for f in result.findings} == {Confidence.LOW}


def test_other_seeds_give_the_same_quality(tmp_path: Path) -> None:
    """Fresh random values in the same files: the scores must not depend on the luck of one draw."""
    import subprocess
    import sys

    for seed in (101, 202):
        target = tmp_path / str(seed)
        script = ROOT / "benchmarks" / "secrets" / "make_corpus.py"
        subprocess.run([sys.executable, str(script), "--seed", str(seed), "--out", str(target)], check=True, capture_output=True)
        wanted = evaluate.expected(target)
        found = evaluate.bastion_findings(target)
        result = evaluate.score(found, wanted, strict=True)
        assert result["precision"] >= 0.95 and result["recall"] >= 0.95, (seed, sorted(found ^ wanted))
