"""Precision of each tool's classified sample (verdict column TP/FP in sample-<tool>.md), and of
the tools whose every finding was classified (all-<tool>.md)."""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rows(path: Path) -> list[list[str]]:
    found = []
    for row in path.read_text().splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
        if len(cells) >= 7 and cells[0].isdigit():
            found.append(cells)
    return found


def verdicts(path: Path, minimum: str | None = None) -> list[str]:
    """The verdict column; with `minimum`, only findings reported at that confidence or above
    (confidences recorded by collect.py in confidence-<tool>.json)."""
    if minimum is None:
        return [cells[5].upper() for cells in rows(path)]
    confidence_file = path.with_name(f"confidence-{path.stem.removeprefix('all-')}.json")
    confidence = json.loads(confidence_file.read_text())
    wanted = LEVELS[LEVELS.index(minimum):]
    return [cells[5].upper() for cells in rows(path) if confidence.get(f"{cells[1]} {cells[2]}") in wanted]


LEVELS = ["low", "medium", "high"]


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion: honest about small samples and 0 or 1 hits."""
    if not total:
        return 0.0, 1.0
    share = successes / total
    centre = (share + z * z / (2 * total)) / (1 + z * z / total)
    margin = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - margin), min(1.0, centre + margin)


def label(table: Path) -> str:
    if table.stem.startswith("all-"):
        return f"{table.stem.removeprefix('all-')} (all findings)"
    return table.stem.removeprefix("sample-")


def main() -> int:
    print("| tool | sampled | TP | FP | unclassified | precision | 95% interval |")
    print("|---|---|---|---|---|---|---|")
    for sample in [*sorted(HERE.glob("sample-*.md")), *sorted(HERE.glob("all-*.md"))]:
        _row(label(sample), verdicts(sample))
    for census in sorted(HERE.glob("all-*.md")):
        if census.with_name(f"confidence-{census.stem.removeprefix('all-')}.json").exists():
            _row(f"{label(census)}, confidence medium or high", verdicts(census, "medium"))
    return 0


def _row(name: str, marks: list[str]) -> None:
    tp, fp = marks.count("TP"), marks.count("FP")
    rest = len(marks) - tp - fp
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
    low, high = wilson(tp, tp + fp)
    print(f"| {name} | {len(marks)} | {tp} | {fp} | {rest} | {precision} | {low:.2f}-{high:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
