"""Precision of each tool's classified sample (verdict column TP/FP in sample-<tool>.md)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def verdicts(path: Path) -> list[str]:
    found = []
    for row in path.read_text().splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
        if len(cells) >= 7 and cells[0].isdigit():
            found.append(cells[5].upper())
    return found


def main() -> int:
    print("| tool | sampled | TP | FP | unclassified | precision |")
    print("|---|---|---|---|---|---|")
    for sample in sorted(HERE.glob("sample-*.md")):
        marks = verdicts(sample)
        tp, fp = marks.count("TP"), marks.count("FP")
        rest = len(marks) - tp - fp
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
        print(f"| {sample.stem.removeprefix('sample-')} | {len(marks)} | {tp} | {fp} | {rest} | {precision} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
