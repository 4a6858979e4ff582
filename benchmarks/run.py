"""Time `bastion check` against a bare parse, Bandit and Ruff's S rules on large real projects.

    python benchmarks/run.py [--runs 5] [--projects django sqlalchemy]

Fetches pinned wheels with pip into a work directory outside the repository (once; default
`$TMPDIR/bastion-benchmarks`, so that no `.gitignore` hides the sources from the tools), unpacks
them, then runs every command in turn (A B C A B C ...) so that drift in machine speed hits all of
them alike, and prints the median wall time of each and the ratios. Needs `bandit` and `ruff` on
PATH or beside this Python (`pip install -e '.[bench]'`).

Commands run with byte-code caching on (PYTHONDONTWRITEBYTECODE removed from their environment), as
on an installed system, so no tool pays for compiling its own modules. "first run" starts each time
with no cache and writes one; "cached" is the run after it; "cold" neither reads nor writes one.
"pattern rules only" selects just the rules of the single walk (no taint, routes, dependency or
interpreter analysis), to show what the project-wide analyses cost on top.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

WORK = Path(tempfile.gettempdir()) / "bastion-benchmarks"
PROJECTS = {
    "django": ("django==5.2.8", "django"),
    "sqlalchemy": ("sqlalchemy==2.0.44", "sqlalchemy"),
    "flask": ("flask==3.1.2", "flask"),
    "werkzeug": ("werkzeug==3.1.3", "werkzeug"),
    "requests": ("requests==2.32.5", "requests"),
}
BARE_PARSE = """
import ast, os, sys, warnings
warnings.simplefilter("ignore")
for root, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".py"):
            with open(os.path.join(root, name), "rb") as handle:
                ast.parse(handle.read())
"""


def tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def fetch(project: str, work: Path) -> Path:
    requirement, package = PROJECTS[project]
    target = work / project
    if (target / package).is_dir():
        return target / package
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:", "-d", str(target), requirement],
        check=True,
    )
    for wheel in target.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(target)
    return target / package


def count(tree: Path) -> tuple[int, int]:
    files = lines = 0
    for path in tree.rglob("*.py"):
        files += 1
        lines += path.read_bytes().count(b"\n")
    return files, lines


def pattern_rules() -> list[str]:
    """The rules checked in the single walk, without the project-wide analyses (taint, routes,
    dependencies, interpreter): what the foundation issue's engine runs, for comparison."""
    from bastion.rules import registry

    return [entry.info.code for entry in registry.all_rules() if entry.check and entry.info.default_enabled]


def commands(tree: Path, jobs: int) -> dict[str, list[str]]:
    bastion = tool("bastion") or "bastion"
    check = [bastion, "check", str(tree), "--isolated", "-j", str(jobs), "-q", "--exit-zero", "--no-progress"]
    found = {
        "bare parse (1 process)": [sys.executable, "-c", BARE_PARSE, str(tree)],
        "bastion check (cold)": [*check, "--no-cache"],
        "bastion check (first run)": check,
        "bastion check (cached)": check,
        "bastion check, pattern rules only (cold)": [*check, "--no-cache", "--select", ",".join(pattern_rules())],
    }
    if tool("bandit"):
        found["bandit -r"] = [tool("bandit"), "-r", str(tree), "-q", "-f", "json", "-o", os.devnull]
    if tool("ruff"):
        found["ruff --select S"] = [tool("ruff"), "check", "--select", "S", "--no-cache", "--exit-zero", "--quiet", str(tree)]
    return found


def measure(named: dict[str, list[str]], runs: int, tree: Path) -> dict[str, list[float]]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    timings: dict[str, list[float]] = {name: [] for name in named}
    cache = tree / ".bastion_cache"

    def run(name: str, command: list[str]) -> float:
        if name.endswith("(first run)"):
            shutil.rmtree(cache, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(command, cwd=tree.parent, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started

    for name, command in named.items():  # warm-up: file cache, byte code
        run(name, command)
    for _ in range(runs):
        for name, command in named.items():  # "cached" comes right after "first run"
            timings[name].append(run(name, command))
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--projects", nargs="+", default=["django", "sqlalchemy"], choices=sorted(PROJECTS))
    parser.add_argument("--work", type=Path, default=WORK, help=f"where the sources are unpacked (default {WORK})")
    options = parser.parse_args()
    for project in options.projects:
        tree = fetch(project, options.work)
        files, lines = count(tree)
        print(f"\n## {project}: {files} files, {lines:,} lines ({options.runs} runs, {options.jobs} jobs)\n")
        timings = measure(commands(tree, options.jobs), options.runs, tree)
        medians = {name: statistics.median(values) for name, values in timings.items()}
        base = medians["bare parse (1 process)"]
        cold = medians["bastion check (cold)"]
        print("| command | median s | min s | max s | × bare parse | bastion cold is N× faster |")
        print("|---|---|---|---|---|---|")
        for name, values in timings.items():
            speedup = f"{medians[name] / cold:.1f}×" if name.startswith(("bandit", "ruff")) else ""
            print(f"| {name} | {medians[name]:.2f} | {min(values):.2f} | {max(values):.2f} | {medians[name] / base:.2f} | {speedup} |")
        first = medians["bastion check (first run)"]
        print(f"\ncached run is {first / medians['bastion check (cached)']:.1f}× faster than the first run "
              f"({cold / medians['bastion check (cached)']:.1f}× faster than a run without cache)")
        print_paired(timings)
    return 0


PAIRS = (
    ("cold check ÷ bare parse (target ≤ 2)", "bastion check (cold)", "bare parse (1 process)"),
    ("Bandit ÷ cold check (target ≥ 5)", "bandit -r", "bastion check (cold)"),
    ("first run ÷ cached run (target ≥ 10)", "bastion check (first run)", "bastion check (cached)"),
    ("pattern rules only ÷ bare parse", "bastion check, pattern rules only (cold)", "bare parse (1 process)"),
    ("Bandit ÷ pattern rules only", "bandit -r", "bastion check, pattern rules only (cold)"),
)


def print_paired(timings: dict[str, list[float]]) -> None:
    """Ratios taken within each round, whose commands ran one after the other: on a machine whose
    speed drifts (a shared virtual machine) they vary far less than the ratio of two medians."""
    print("\n| ratio within each round | median | min | max |")
    print("|---|---|---|---|")
    for label, numerator, denominator in PAIRS:
        if numerator in timings and denominator in timings:
            ratios = [a / b for a, b in zip(timings[numerator], timings[denominator], strict=True)]
            print(f"| {label} | {statistics.median(ratios):.2f} | {min(ratios):.2f} | {max(ratios):.2f} |")


if __name__ == "__main__":
    sys.exit(main())
