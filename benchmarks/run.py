"""Time `bastion check` against a bare parse, Bandit and Ruff's S rules on large real projects.

    python benchmarks/run.py [--runs 5] [--projects django sqlalchemy]

Fetches pinned wheels with pip into benchmarks/work/ (once), unpacks them, then runs every command
in turn (A B C A B C ...) so that drift in machine speed hits all of them alike, and prints the
median wall time of each and the ratios. Needs `bandit` and `ruff` on PATH or beside this Python
(`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
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


def fetch(project: str) -> Path:
    requirement, package = PROJECTS[project]
    target = WORK / project
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


def commands(tree: Path, jobs: int) -> dict[str, list[str]]:
    bastion = tool("bastion") or "bastion"
    found = {
        "bare parse (1 process)": [sys.executable, "-c", BARE_PARSE, str(tree)],
        "bastion check (cold)": [bastion, "check", str(tree), "--isolated", "--no-cache", "-j", str(jobs), "-q", "--exit-zero", "--no-progress"],
        "bastion check (cached)": [bastion, "check", str(tree), "--isolated", "-j", str(jobs), "-q", "--exit-zero", "--no-progress"],
    }
    if tool("bandit"):
        found["bandit -r"] = [tool("bandit"), "-r", str(tree), "-q", "-f", "json", "-o", os.devnull]
    if tool("ruff"):
        found["ruff --select S"] = [tool("ruff"), "check", "--select", "S", "--no-cache", "--exit-zero", "--quiet", str(tree)]
    return found


def measure(named: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {name: [] for name in named}
    for command in named.values():  # warm-up: file cache, the bastion cache for the cached run
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for name, command in named.items():
            started = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            timings[name].append(time.perf_counter() - started)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--projects", nargs="+", default=["django", "sqlalchemy"], choices=sorted(PROJECTS))
    options = parser.parse_args()
    for project in options.projects:
        tree = fetch(project)
        files, lines = count(tree)
        print(f"\n## {project}: {files} files, {lines:,} lines ({options.runs} runs, {options.jobs} jobs)\n")
        timings = measure(commands(tree, options.jobs), options.runs, tree.parent)
        medians = {name: statistics.median(values) for name, values in timings.items()}
        base = medians["bare parse (1 process)"]
        cold = medians["bastion check (cold)"]
        print("| command | median s | min s | max s | × bare parse | bastion cold is N× faster |")
        print("|---|---|---|---|---|---|")
        for name, values in timings.items():
            speedup = f"{medians[name] / cold:.1f}×" if name.startswith(("bandit", "ruff")) else ""
            print(f"| {name} | {medians[name]:.2f} | {min(values):.2f} | {max(values):.2f} | {medians[name] / base:.2f} | {speedup} |")
        print(f"\ncached run is {cold / medians['bastion check (cached)']:.1f}× faster than the cold run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
