"""Precision and recall of Bastion's secret rules (and of detect-secrets) on tests/secrets_corpus/.

    .venv/bin/python benchmarks/secrets/evaluate.py [--detect-secrets /tmp/ds-venv/bin/detect-secrets]

Bastion counts findings of medium or high confidence (test fixtures are reported at low confidence
and count as decoys). A match is the same file and line; "strict" also requires the same rule code.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "secrets_corpus"


def expected(corpus: Path = CORPUS) -> set[tuple[str, int, str]]:
    return {(e["file"], e["line"], e["code"]) for e in json.loads((corpus / "expected.json").read_text())}


def bastion_findings(corpus: Path = CORPUS) -> set[tuple[str, int, str]]:
    from bastion.config import Config
    from bastion.engine.runner import scan
    from bastion.model import Confidence

    config = Config(root=corpus, select=("BST45", "BST46", "BST47", "BST48", "BST49"), cache=False, respect_gitignore=False)
    result = scan([corpus], config, use_cache=False, jobs=1)
    found = set()
    for finding in result.findings:
        if finding.effective_confidence >= Confidence.MEDIUM:
            relative = os.path.relpath(os.path.abspath(finding.location.path), corpus).replace(os.sep, "/")
            found.add((relative, finding.location.line, finding.code))
    return found


def detect_secrets_findings(executable: str, corpus: Path = CORPUS) -> set[tuple[str, int, str]]:
    output = subprocess.run(
        [executable, "scan", "--all-files", "--exclude-files", r"(expected|decoys)\.json$"],
        cwd=corpus, capture_output=True, text=True, check=True,
    ).stdout
    results = json.loads(output)["results"]
    return {(path, item["line_number"], item["type"]) for path, items in results.items() for item in items}


def score(found: set[tuple[str, int, str]], wanted: set[tuple[str, int, str]], strict: bool) -> dict[str, float]:
    if not strict:
        found = {(f, line, "") for f, line, _ in found}
        wanted = {(f, line, "") for f, line, _ in wanted}
    true = len(found & wanted)
    precision = true / len(found) if found else 1.0
    recall = true / len(wanted) if wanted else 1.0
    return {"tp": true, "fp": len(found - wanted), "fn": len(wanted - found), "precision": precision, "recall": recall}


def row(name: str, result: dict[str, float]) -> str:
    return f"| {name} | {result['tp']} | {result['fp']} | {result['fn']} | {result['precision']:.3f} | {result['recall']:.3f} |"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--detect-secrets", help="path to the detect-secrets executable")
    parser.add_argument("--verbose", action="store_true", help="list false positives and negatives")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a corpus written by make_corpus.py --out")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    wanted = expected(corpus)
    print(f"corpus: {len(wanted)} secrets, {len(json.loads((corpus / 'decoys.json').read_text()))} decoys\n")
    print("| tool | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|")
    ours = bastion_findings(corpus)
    print(row("bastion (file, line, rule)", score(ours, wanted, strict=True)))
    print(row("bastion (file, line)", score(ours, wanted, strict=False)))
    if args.verbose:
        for item in sorted(ours - wanted):
            print("  FP", item, file=sys.stderr)
        for item in sorted(wanted - ours):
            print("  FN", item, file=sys.stderr)
    if args.detect_secrets:
        theirs = detect_secrets_findings(args.detect_secrets, corpus)
        print(row("detect-secrets --all-files (file, line)", score(theirs, wanted, strict=False)))
        outside_fixtures = {item for item in theirs if not item[0].startswith("tests/") and "/fixtures/" not in item[0]}
        print(row("detect-secrets, test fixtures not counted", score(outside_fixtures, wanted, strict=False)))
        if args.verbose:
            lines = {(f, line) for f, line, _ in wanted}
            for item in sorted(theirs):
                if (item[0], item[1]) not in lines:
                    print("  DS FP", item, file=sys.stderr)
            found_lines = {(f, line) for f, line, _ in theirs}
            for item in sorted(wanted):
                if (item[0], item[1]) not in found_lines:
                    print("  DS FN", item, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
