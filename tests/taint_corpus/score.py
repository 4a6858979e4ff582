"""Score Bastion's taint analysis on the labelled corpus next to this file.

Usage: .venv/bin/python tests/taint_corpus/score.py [--verbose] [--json] [--cwe SLUG ...] [--corpus DIR]

Every case is scanned as its own project (a single file, or a directory for cross-module cases).
A vulnerable case is detected when its expected code is reported on each annotated line; a safe case
(named `*_safe*`) is a false positive when any finding of its category's code is reported. The table
gives per-category TPR, FPR and TPR - FPR, and their means. See README.md for the format.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent

# Category directory -> the rule code its cases are about (fixed in the taint issue).
CATEGORIES: dict[str, str] = {
    "code-injection": "BST250",
    "command-injection": "BST251",
    "path-traversal": "BST252",
    "xss": "BST253",
    "ssrf": "BST254",
    "open-redirect": "BST255",
    "ldap-injection": "BST256",
    "xpath-injection": "BST257",
    "xxe": "BST258",
    "deserialization": "BST259",
    "trust-boundary": "BST260",
    "header-injection": "BST261",
    "regex-injection": "BST262",
    "template-injection": "BST263",
    "nosql-injection": "BST264",
    "sql-injection": "BST550",
    "log-injection": "BST750",
}
CWES: dict[str, str] = {
    "code-injection": "CWE-94",
    "command-injection": "CWE-78",
    "path-traversal": "CWE-22",
    "xss": "CWE-79",
    "ssrf": "CWE-918",
    "open-redirect": "CWE-601",
    "ldap-injection": "CWE-90",
    "xpath-injection": "CWE-643",
    "xxe": "CWE-611",
    "deserialization": "CWE-502",
    "trust-boundary": "CWE-501",
    "header-injection": "CWE-113",
    "regex-injection": "CWE-730",
    "template-injection": "CWE-1336",
    "nosql-injection": "CWE-943",
    "sql-injection": "CWE-89",
    "log-injection": "CWE-117",
}
SELECT = ("BST25", "BST26", "BST550", "BST750")
EXPECT = re.compile(r"#\s*expect:\s*(BST\d{3})\b")


@dataclass(frozen=True, slots=True)
class Case:
    category: str
    path: Path  # a .py file, or a directory scanned as one project
    expected: frozenset[tuple[str, int, str]]  # (file relative to the case root, line, code)

    @property
    def name(self) -> str:
        return f"{self.category}/{self.path.name}"

    @property
    def safe(self) -> bool:
        return "_safe" in self.path.name

    @property
    def root(self) -> Path:
        return self.path if self.path.is_dir() else self.path.parent

    def files(self) -> list[Path]:
        return sorted(self.path.rglob("*.py")) if self.path.is_dir() else [self.path]


@dataclass(slots=True)
class Outcome:
    case: str
    category: str
    safe: bool
    correct: bool
    expected: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)  # "file:line CODE" of the category's code


def _expectations(case_path: Path, root: Path) -> frozenset[tuple[str, int, str]]:
    found = set()
    files = sorted(case_path.rglob("*.py")) if case_path.is_dir() else [case_path]
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            for match in EXPECT.finditer(line):
                found.add((file.relative_to(root).as_posix(), number, match.group(1)))
    return frozenset(found)


def discover(categories: Iterable[str] | None = None, corpus: Path = CORPUS) -> list[Case]:
    """Every case: each .py file or sub-directory directly under a category directory."""
    wanted = set(categories) if categories else set(CATEGORIES)
    cases = []
    for category in sorted(wanted):
        directory = corpus / category
        if not directory.is_dir():
            continue
        for entry in sorted(directory.iterdir()):
            if entry.name.startswith((".", "_")):
                continue
            if entry.is_dir() or entry.suffix == ".py":
                root = entry if entry.is_dir() else entry.parent
                cases.append(Case(category, entry, _expectations(entry, root)))
    return cases


def _relative(path: str, root: Path) -> str:
    candidate = Path(path)
    if not candidate.is_absolute():
        for base in (Path.cwd(), root):
            if (base / candidate).exists():
                candidate = base / candidate
                break
    try:
        return candidate.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return candidate.as_posix()


def findings_for(case: Case) -> set[tuple[str, int, str]]:
    """(file relative to the case root, line, code) of every taint finding Bastion reports."""
    from bastion.config import Config
    from bastion.engine.runner import scan

    config = Config(root=case.root, select=SELECT, cache=False, scan_tests=True, jobs=1)
    result = scan([case.path], config, use_cache=False, jobs=1)
    return {(_relative(f.location.path, case.root), f.location.line, f.rule.code) for f in result.findings}


def judge(case: Case, found: set[tuple[str, int, str]]) -> Outcome:
    code = CATEGORIES[case.category]
    relevant = sorted(f"{file}:{line} {c}" for file, line, c in found if c == code)
    expected = sorted(f"{file}:{line} {c}" for file, line, c in case.expected)
    if case.safe:
        correct = not relevant
    else:
        correct = bool(case.expected) and case.expected <= found
    return Outcome(case.name, case.category, case.safe, correct, expected, relevant)


def evaluate(cases: list[Case] | None = None) -> list[Outcome]:
    return [judge(case, findings_for(case)) for case in (cases if cases is not None else discover())]


@dataclass(slots=True)
class Row:
    category: str
    cwe: str
    code: str
    vulnerable: int
    detected: int
    safe: int
    false_positives: int

    @property
    def tpr(self) -> float:
        return self.detected / self.vulnerable if self.vulnerable else 0.0

    @property
    def fpr(self) -> float:
        return self.false_positives / self.safe if self.safe else 0.0

    @property
    def score(self) -> float:
        return self.tpr - self.fpr


def summarise(outcomes: list[Outcome]) -> list[Row]:
    rows = []
    for category in sorted({o.category for o in outcomes}):
        group = [o for o in outcomes if o.category == category]
        vulnerable = [o for o in group if not o.safe]
        safe = [o for o in group if o.safe]
        rows.append(
            Row(
                category,
                CWES[category],
                CATEGORIES[category],
                len(vulnerable),
                sum(o.correct for o in vulnerable),
                len(safe),
                sum(not o.correct for o in safe),
            )
        )
    return rows


def _totals(rows: list[Row]) -> tuple[int, int, int, int]:
    return (
        sum(r.vulnerable for r in rows),
        sum(r.detected for r in rows),
        sum(r.safe for r in rows),
        sum(r.false_positives for r in rows),
    )


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(rows: list[Row]) -> Iterator[str]:
    header = f"{'category':<20} {'cwe':<9} {'code':<7} {'vuln':>5} {'TP':>4} {'safe':>5} {'FP':>4} {'TPR':>6} {'FPR':>6} {'TPR-FPR':>8}"
    yield header
    yield "-" * len(header)
    for r in rows:
        yield (
            f"{r.category:<20} {r.cwe:<9} {r.code:<7} {r.vulnerable:>5} {r.detected:>4} {r.safe:>5} "
            f"{r.false_positives:>4} {r.tpr:>6.2f} {r.fpr:>6.2f} {r.score:>8.2f}"
        )
    yield "-" * len(header)
    total_v = sum(r.vulnerable for r in rows)
    total_s = sum(r.safe for r in rows)
    total_tp = sum(r.detected for r in rows)
    total_fp = sum(r.false_positives for r in rows)
    yield (
        f"{'mean':<20} {'':<9} {'':<7} {total_v:>5} {total_tp:>4} {total_s:>5} "
        f"{total_fp:>4} {mean([r.tpr for r in rows]):>6.2f} "
        f"{mean([r.fpr for r in rows]):>6.2f} {mean([r.score for r in rows]):>8.2f}"
    )
    pooled = Row("pooled", "", "", total_v, total_tp, total_s, total_fp)
    yield f"{'pooled (all cases)':<41} {pooled.tpr:>25.2f} {pooled.fpr:>6.2f} {pooled.score:>8.2f}"


def report(outcomes: list[Outcome]) -> dict:
    rows = summarise(outcomes)
    return {
        "cases": len(outcomes),
        "mean_tpr": mean([r.tpr for r in rows]),
        "mean_fpr": mean([r.fpr for r in rows]),
        "mean_score": mean([r.score for r in rows]),
        "pooled": asdict(pooled := Row("pooled", "", "", *_totals(rows)))
        | {"tpr": pooled.tpr, "fpr": pooled.fpr, "score": pooled.score},
        "categories": [asdict(r) | {"tpr": r.tpr, "fpr": r.fpr, "score": r.score} for r in rows],
        "wrong": [asdict(o) for o in outcomes if not o.correct],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every case the engine gets wrong")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--cwe", action="append", metavar="SLUG", help="only this category (repeatable)")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="another tree in the same layout (default: this one)"
    )
    args = parser.parse_args(argv)
    outcomes = evaluate(discover(args.cwe, args.corpus.resolve()))
    if args.json:
        print(json.dumps(report(outcomes), indent=2))
        return 0
    for line in table(summarise(outcomes)):
        print(line)
    if args.verbose:
        wrong = [o for o in outcomes if not o.correct]
        print(f"\n{len(wrong)} case(s) wrong:")
        for o in wrong:
            if o.safe:
                print(f"  FP  {o.case}: reported {', '.join(o.reported)}")
            else:
                print(
                    f"  FN  {o.case}: expected {', '.join(o.expected)}; reported {', '.join(o.reported) or 'nothing'}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
