"""Findings per rule for Bastion, Bandit and Ruff's S rules on real projects, and a reproducible
random sample of each tool's findings for classification by hand.

    python benchmarks/precision/collect.py            # counts.md and sample-<tool>.md (verdicts kept)

Each sample file lists 40 findings drawn with a fixed seed; a reviewer fills the `verdict` column
(TP or FP) and the reasoning. Re-running keeps existing verdicts for findings still sampled.
Beside the per-tool samples it writes supplementary samples of Bandit and Ruff without their
`assert` rule (sample-bandit-no-B101.md, sample-ruff-no-S101.md) and lists every Bastion finding
(all-bastion.md) so that Bastion's precision can also be measured on all of its findings.
`summarise.py` turns the classified samples into precision figures.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from run import fetch, tool  # noqa: E402

PROJECTS = ["django", "sqlalchemy", "flask", "werkzeug", "requests"]
SAMPLE_SIZE = 40
SEED = 20261122


def bastion(tree: Path) -> list[dict]:
    result = subprocess.run(
        [tool("bastion") or "bastion", "check", str(tree), "--isolated", "--no-gitignore", "--no-cache", "-f", "json", "--exit-zero", "--no-progress"],
        capture_output=True, text=True, check=True,
    )
    return [
        {"rule": f"{f['code']} {f['name']}", "path": f["location"]["path"], "line": f["location"]["line"], "message": f["message"],
         "confidence": f.get("confidence", "")}
        for f in json.loads(result.stdout)["findings"]
    ]


def bandit(tree: Path) -> list[dict]:
    result = subprocess.run([tool("bandit"), "-r", str(tree), "-f", "json", "-q"], capture_output=True, text=True)
    return [
        {"rule": f"{r['test_id']} {r['test_name']}", "path": r["filename"], "line": r["line_number"], "message": r["issue_text"]}
        for r in json.loads(result.stdout)["results"]
    ]


def ruff(tree: Path) -> list[dict]:
    result = subprocess.run(
        [tool("ruff"), "check", "--select", "S", "--no-cache", "--exit-zero", "--output-format", "json", str(tree)],
        capture_output=True, text=True,
    )
    return [
        {"rule": f["code"], "path": f["filename"], "line": f["location"]["row"], "message": f["message"]}
        for f in json.loads(result.stdout)
    ]


TOOLS = {"bastion": bastion, "bandit": bandit, "ruff": ruff}
# Supplementary samples without the assert rule, which dominates Bandit's and Ruff's findings.
# Tools whose every finding is listed for classification (a census beside the sample).
CENSUS = ["bastion"]
SUPPLEMENTS = {"bandit-no-B101": ("bandit", "B101"), "ruff-no-S101": ("ruff", "S101")}


def relative(path: str, work: Path) -> str:
    try:
        return Path(path).resolve().relative_to(work.resolve()).as_posix()
    except ValueError:
        return path


def source_line(work: Path, path: str, line: int) -> str:
    try:
        return (work / path).read_text(encoding="utf-8", errors="replace").splitlines()[line - 1].strip()
    except (OSError, IndexError):
        return ""


def read_verdicts(path: Path) -> dict[str, tuple[str, str]]:
    verdicts = {}
    if path.exists():
        for row in path.read_text().splitlines():
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
            if len(cells) >= 7 and cells[0].isdigit():
                verdicts[cells[1]] = (cells[5], cells[6])
    return verdicts


def write_sample(target: Path, title: str, items: list[dict], work: Path) -> None:
    sample = random.Random(SEED).sample(items, min(SAMPLE_SIZE, len(items)))
    write_table(target, f"{title}: random sample of {len(sample)} of {len(items)} findings (seed {SEED})", sample, work)


def write_table(target: Path, heading: str, sample: list[dict], work: Path) -> None:
    verdicts = read_verdicts(target)
    rows = [
        f"# {heading}",
        "",
        "| # | location | rule | message | code | verdict | reasoning |",
        "|---|---|---|---|---|---|---|",
    ]
    for index, item in enumerate(sample, 1):
        location = f"{item['path']}:{item['line']}"
        verdict, reason = verdicts.get(location, ("", ""))
        code = re.sub(r"\|", "\\|", source_line(work, item["path"], item["line"]))[:120]
        message = item["message"].replace("|", "\\|")[:140]
        rows.append(f"| {index} | {location} | {item['rule']} | {message} | `{code}` | {verdict} | {reason} |")
    target.write_text("\n".join(rows) + "\n")


def backfill(sample: Path, census: Path) -> None:
    """Sampled findings without a verdict take the one given to the same location in the census."""
    known = read_verdicts(census)
    rows = []
    for row in sample.read_text().splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip().strip("|"))]
        if len(cells) >= 7 and cells[0].isdigit() and not cells[5] and cells[1] in known:
            row = "| " + " | ".join([*cells[:5], *known[cells[1]]]) + " |"
        rows.append(row)
    sample.write_text("\n".join(rows) + "\n")


def main() -> int:
    work = HERE.parent / "work"
    findings: dict[str, list[dict]] = {name: [] for name in TOOLS}
    for project in PROJECTS:
        tree = fetch(project)
        for name, run in TOOLS.items():
            for item in run(tree):
                item["path"] = relative(item["path"], work)
                item["project"] = project
                findings[name].append(item)
    lines = ["# Findings per rule", "", f"Projects: {', '.join(PROJECTS)} (pinned in `benchmarks/run.py`).", ""]
    for name, items in findings.items():
        counts = Counter(item["rule"] for item in items)
        lines += [f"## {name}: {len(items)} findings", "", "| rule | findings |", "|---|---|"]
        lines += [f"| {rule} | {n} |" for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        lines.append("")
    (HERE / "counts.md").write_text("\n".join(lines))
    for name, items in findings.items():
        items.sort(key=lambda i: (i["path"], i["line"], i["rule"]))
        write_sample(HERE / f"sample-{name}.md", name, items, work)
    for name in CENSUS:
        write_table(HERE / f"all-{name}.md", f"{name}: all {len(findings[name])} findings", findings[name], work)
        confidence = {f"{item['path']}:{item['line']} {item['rule']}": item.get("confidence", "") for item in findings[name]}
        (HERE / f"confidence-{name}.json").write_text(json.dumps(confidence, indent=1, sort_keys=True) + "\n")
    for name, (tool_name, left_out) in SUPPLEMENTS.items():
        kept = [item for item in findings[tool_name] if not item["rule"].startswith(left_out + " ") and item["rule"] != left_out]
        write_sample(HERE / f"sample-{name}.md", f"{tool_name} without {left_out}", kept, work)
    for name in CENSUS:
        backfill(HERE / f"sample-{name}.md", HERE / f"all-{name}.md")
    print(json.dumps({name: len(items) for name, items in findings.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
