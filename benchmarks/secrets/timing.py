"""Cost of secret scanning inside `bastion check`: interleaved runs with and without the secret rules.

    .venv/bin/pip download django==5.2.8 --no-deps -d /tmp/dj
    python -c "import zipfile; zipfile.ZipFile('/tmp/dj/django-5.2.8-py3-none-any.whl').extractall('/tmp/dj/src')"
    .venv/bin/python benchmarks/secrets/timing.py /tmp/dj/src --runs 7

Cold runs use --no-cache; warm runs use the cache (filled by one untimed run first). Reports the
minimum and median wall time (and CPU time of the process tree) of each variant.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

IGNORE = "BST45,BST46,BST47,BST48,BST49"


def run(target: Path, *extra: str) -> tuple[float, float]:
    before = os.times()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bastion", "check", ".", "--exit-zero", "-q", *extra], cwd=target, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - started
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def measure(target: Path, runs: int, cold: bool) -> dict[str, list[tuple[float, float]]]:
    cache = ("--no-cache",) if cold else ()
    variants = {"with secrets": cache, "without secrets": (*cache, "--ignore", IGNORE)}
    if not cold:
        for extra in variants.values():
            run(target, *extra)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, extra in variants.items():
            results[name].append(run(target, *extra))
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print("| run | variant | min wall (s) | median wall (s) | min CPU (s) |\n|---|---|---|---|---|")
    for cold in (True, False):
        results = measure(args.target, args.runs, cold)
        summary = {}
        for name, samples in results.items():
            walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
            summary[name] = (min(walls), statistics.median(walls), min(cpus))
            print(f"| {'cold' if cold else 'cached'} | {name} | {min(walls):.2f} | {statistics.median(walls):.2f} | {min(cpus):.2f} |")
        base, full = summary["without secrets"], summary["with secrets"]
        print(f"| {'cold' if cold else 'cached'} | overhead | {full[0] / base[0] - 1:+.1%} | {full[1] / base[1] - 1:+.1%} | {full[2] / base[2] - 1:+.1%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
