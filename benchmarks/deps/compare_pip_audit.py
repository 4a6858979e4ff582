"""Bastion against pip-audit, both reading the same OSV snapshot (2026) for the evaluation set.

pip-audit runs from its own virtualenv (default /tmp/pa-venv; `python -m venv /tmp/pa-venv &&
/tmp/pa-venv/bin/pip install pip-audit`) with `-s osv --osv-url` pointed at a loopback server that
answers OSV's `/v1/query` from the snapshot. Bastion reads its local database built from the same
zip. Results are compared per pin, flaw by flaw (advisories merged through their aliases).

    .venv/bin/python benchmarks/deps/compare_pip_audit.py [--pip-audit /tmp/pa-venv/bin/pip-audit]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from deps_helpers import EVAL, database_2026  # noqa: E402
from deps_servers import LoopbackServer, Snapshot  # noqa: E402
from packaging.utils import canonicalize_name  # noqa: E402

from bastion.deps.advisories.database import AdvisoryDatabase  # noqa: E402
from bastion.deps.collect import parse_manifests  # noqa: E402
from bastion.deps.run import run  # noqa: E402


def pip_audit(executable: str, url: str, arguments: list[str], cache: Path) -> dict:
    command = [executable, "-s", "osv", "--osv-url", f"{url}/v1/query", "-f", "json", "--progress-spinner", "off",
               "--cache-dir", str(cache), *arguments]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if not completed.stdout.strip():
        raise SystemExit(f"pip-audit failed ({completed.returncode}): {completed.stderr[-2000:]}")
    return json.loads(completed.stdout)


def theirs_by_pin(report: dict) -> tuple[dict[tuple[str, str], list[set[str]]], list[dict]]:
    found, skipped = {}, []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(dependency)
            continue
        key = (canonicalize_name(dependency["name"]), dependency["version"])
        found[key] = [{v["id"], *v.get("aliases", [])} for v in dependency.get("vulns", [])]
    return found, skipped


def ours_by_pin(paths: list[Path]) -> dict[tuple[str, str], list[set[str]]]:
    manifests = parse_manifests([(str(p), p.name) for p in paths])
    database = AdvisoryDatabase(database_2026())
    outcome = run(manifests, database, EVAL)
    database.close()
    return {
        (r.dependency.key, r.dependency.version): [set(v.every_id) for v in r.vulnerabilities]
        for _, results in outcome.results for r in results if r.dependency.version
    }


def compare(name: str, ours: dict, theirs: dict, skipped: list[dict]) -> dict:
    """Flaws are equal when every id pip-audit reports falls in one of our merged flaws and the
    numbers of flaws match."""
    same, differences = 0, []
    for key in sorted(set(ours) | set(theirs)):
        our_flaws, their_flaws = ours.get(key), theirs.get(key)
        if our_flaws is None or their_flaws is None:
            differences.append((key, "only bastion" if their_flaws is None else "only pip-audit", our_flaws, their_flaws))
            continue
        matched = all(any(flaw & mine for mine in our_flaws) for flaw in their_flaws)
        covered = all(any(mine & flaw for flaw in their_flaws) for mine in our_flaws)
        if matched and covered and len(our_flaws) == len(their_flaws):
            same += 1
        else:
            differences.append((key, "different", sorted(map(sorted, our_flaws)), sorted(map(sorted, their_flaws))))
    flaws = sum(len(v) for v in ours.values())
    print(f"\n== {name}: {len(ours)} pins read by Bastion, {len(theirs)} audited by pip-audit, {len(skipped)} skipped by pip-audit")
    print(f"   identical results on {same} pins ({flaws} flaws by Bastion, {sum(len(v) for v in theirs.values())} by pip-audit)")
    for key, kind, mine, other in differences:
        print(f"   DIFF {key[0]}=={key[1]}: {kind}\n        bastion:   {mine}\n        pip-audit: {other}")
    for item in skipped:
        print(f"   pip-audit skipped {item['name']}: {item['skip_reason']}")
    return {"name": name, "pins": len(ours), "identical": same, "differences": len(differences), "skipped": len(skipped)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pip-audit", default="/tmp/pa-venv/bin/pip-audit")
    options = parser.parse_args()
    summary = []
    with LoopbackServer(Snapshot()) as server, tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        started = time.perf_counter()
        # 1. requirements.txt, as pip-audit reads it without installing (every pin is exact).
        requirements = EVAL / "requirements" / "requirements.txt"
        report = pip_audit(options.pip_audit, server.url, ["-r", str(requirements), "--no-deps", "--disable-pip"], cache)
        summary.append(compare("requirements.txt", ours_by_pin([requirements]), *theirs_by_pin(report)))
        # 2. pylock.toml (PEP 751), which pip-audit reads with --locked.
        report = pip_audit(options.pip_audit, server.url, ["--locked", str(EVAL / "pylock")], cache)
        summary.append(compare("pylock.toml", ours_by_pin([EVAL / "pylock" / "pylock.toml"]), *theirs_by_pin(report)))
        # 2b. A hand-written pylock.toml with a platform marker and a local directory package.
        manifests = ROOT / "tests" / "data" / "deps" / "manifests" / "pylock"
        report = pip_audit(options.pip_audit, server.url, ["--locked", str(manifests)], cache)
        summary.append(compare("pylock.toml with markers", ours_by_pin([manifests / "pylock.toml"]), *theirs_by_pin(report)))
        # 3. Every pin of all nine formats, handed to pip-audit as one requirements file: the matching itself.
        #    pip-audit refuses two versions of one package in a file: one file per occurrence.
        buckets: list[dict[str, str]] = []
        for pin in json.loads((EVAL / "pins.json").read_text()):
            key = canonicalize_name(pin["name"])
            bucket = next((b for b in buckets if key not in b), None)
            if bucket is None:
                buckets.append(bucket := {})
            bucket[key] = f"{pin['name']}=={pin['version']}"
        ours_all, theirs_all, skipped_all = {}, {}, []
        for index, bucket in enumerate(buckets):
            combined = Path(scratch) / f"requirements-{index}.txt"
            combined.write_text("".join(f"{line}\n" for line in sorted(bucket.values())))
            report = pip_audit(options.pip_audit, server.url, ["-r", str(combined), "--no-deps", "--disable-pip"], cache)
            theirs, skipped = theirs_by_pin(report)
            ours_all.update(ours_by_pin([combined]))
            theirs_all.update(theirs)
            skipped_all += skipped
        summary.append(compare("all pins of the nine formats as requirements", ours_all, theirs_all, skipped_all))
        print(f"\n(pip-audit runs took {time.perf_counter() - started:.1f}s)")
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
