"""Timing: build the advisory database from the 2026 snapshot; audit 1,000 pinned requirements.

    .venv/bin/python benchmarks/deps/timing.py [--runs 3]

Targets (issue 5): building under 30 s, auditing 1,000 pins under 1 s, on these machines.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from packaging.version import InvalidVersion, Version

from bastion.deps.advisories.database import AdvisoryDatabase
from bastion.deps.advisories.update import build, records_from
from bastion.deps.collect import parse_manifests
from bastion.deps.run import run

SNAPSHOT = Path("/work/shared/osv/pypi-advisories-2026-07-23.zip")


def thousand_pins(path: Path, count: int = 1000) -> None:
    """Real names and releases from the snapshot's version lists: many vulnerable, all distinct."""
    rng = random.Random(1000)
    releases: dict[str, set[str]] = {}
    with zipfile.ZipFile(SNAPSHOT) as archive:
        for name in archive.namelist():
            record = json.loads(archive.read(name))
            for entry in record.get("affected") or []:
                releases.setdefault(entry["package"]["name"].lower(), set()).update(entry.get("versions") or [])
    pool = []
    for package, versions in sorted(releases.items()):
        for version in sorted(versions):
            try:
                Version(version)
            except InvalidVersion:
                continue
            pool.append((package, version))
    picked = rng.sample(pool, count)
    path.write_text("".join(f"{n}=={v}\n" for n, v in picked))


def time_build(runs: int, directory: Path) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds: the machine is shared, CPU time shows the work itself."""
    times, cpu = [], []
    for index in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = build(records_from(SNAPSHOT), directory / "advisories.sqlite3", str(SNAPSHOT))
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        print(f"build {index + 1}: {times[-1]:.2f}s, CPU {cpu[-1]:.2f}s ({report.advisories} advisories, "
              f"{report.withdrawn} withdrawn, {len(report.invalid)} invalid)")
    return times, cpu


def time_audit(runs: int, requirements: Path, database: Path) -> tuple[list[float], list[float]]:
    times, cpu = [], []
    for index in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        manifests = parse_manifests([(str(requirements), requirements.name)])
        service = AdvisoryDatabase(database)  # cold: a new connection and empty caches every run
        outcome = run(manifests, service, requirements.parent)
        service.close()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        vulnerable = sum(1 for _, rs in outcome.results for r in rs if r.status == "vulnerable")
        flaws = sum(len(r.vulnerabilities) for _, rs in outcome.results for r in rs if r.status == "vulnerable")
        print(f"audit {index + 1}: {times[-1]:.3f}s, CPU {cpu[-1]:.3f}s ({len(manifests[0].dependencies)} pins, "
              f"{vulnerable} vulnerable, {flaws} vulnerabilities)")
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        builds, builds_cpu = time_build(options.runs, directory)
        requirements = directory / "requirements.txt"
        thousand_pins(requirements)
        audits, audits_cpu = time_audit(options.runs + 2, requirements, directory / "advisories.sqlite3")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bastion", "deps", str(requirements), "--db", str(directory / "advisories.sqlite3"), "-f", "json"],
            stdout=subprocess.DEVNULL, check=False,
        )
        cli = time.perf_counter() - started
    print(f"\nbuild from the 2026 snapshot: best {min(builds):.2f}s, worst {max(builds):.2f}s, "
          f"CPU {min(builds_cpu):.2f}-{max(builds_cpu):.2f}s (target < 30 s)")
    print(f"audit of 1,000 pins (in process): best {min(audits):.3f}s, worst {max(audits):.3f}s, "
          f"CPU {min(audits_cpu):.3f}-{max(audits_cpu):.3f}s (target < 1 s)")
    print(f"`bastion deps` on the same file, whole process: {cli:.2f}s")


if __name__ == "__main__":
    main()
