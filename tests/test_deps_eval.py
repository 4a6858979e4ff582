"""The evaluation set: Bastion's audit of real, mostly old pins in nine formats equals an independent
brute-force computation over the raw OSV records of the same 2026 snapshot."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from deps_helpers import EVAL, database_2026, oracle_2026
from packaging.utils import canonicalize_name

from bastion.deps.advisories.database import AdvisoryDatabase
from bastion.deps.collect import parse_manifests
from bastion.deps.manifests import manifest_paths
from bastion.deps.run import run

PINS = json.loads((EVAL / "pins.json").read_text())


@pytest.fixture(scope="module")
def outcome():
    files = sorted(p for p in EVAL.rglob("*") if p.is_file() and p.name != "pins.json")
    manifests = parse_manifests(manifest_paths([(str(p), p.relative_to(EVAL).as_posix()) for p in files], []))
    database = AdvisoryDatabase(database_2026())
    try:
        yield run(manifests, database, EVAL)
    finally:
        database.close()


def test_the_set_is_large_varied_and_old():
    assert len(PINS) >= 150
    formats = Counter(pin["file"].split("/")[0] for pin in PINS)
    assert len(formats) >= 6 and min(formats.values()) >= 10
    vulnerable = [p for p in PINS if oracle_2026().records(p["name"], p["version"])]
    assert len(vulnerable) >= 75  # many old releases


def test_every_pin_is_read_from_its_file(outcome):
    read = sorted(
        (manifest.display, canonicalize_name(r.dependency.name), r.dependency.version)
        for manifest, results in outcome.results for r in results
    )
    expected = sorted((p["file"], canonicalize_name(p["name"]), p["version"]) for p in PINS)
    assert read == expected


def test_vulnerabilities_equal_the_oracle(outcome):
    oracle = oracle_2026()
    mismatches = []
    for manifest, results in outcome.results:
        for result in results:
            dependency = result.dependency
            ours = {frozenset(v.ids): v.fix for v in result.vulnerabilities}
            theirs = oracle.audit(dependency.name, dependency.version)
            if ours != theirs:
                mismatches.append((manifest.display, dependency.name, dependency.version, ours, theirs))
    assert mismatches == []
    assert sum(len(r.vulnerabilities) for _, rs in outcome.results for r in rs) > 500


def test_every_vulnerable_pin_is_a_finding_on_its_line(outcome):
    by_place = {(f.location.path, f.location.line) for f in outcome.findings if f.rule.code == "BST601"}
    for _, results in outcome.results:
        for result in results:
            if result.vulnerabilities:
                assert (result.dependency.source, result.dependency.line) in by_place
                assert result.dependency.line > 0


def test_oracle_intervals_follow_the_osv_rules():
    from deps_oracle import in_intervals, intervals
    from packaging.version import Version

    spans = intervals([{"introduced": "0"}, {"fixed": "1.5"}, {"introduced": "2.0"}, {"last_affected": "2.3"}])
    assert [in_intervals(Version(v), spans) for v in ("0.1", "1.4.9", "1.5", "2.0", "2.3", "2.3.1")] == [
        True, True, False, True, True, False,
    ]
    assert Path(EVAL).is_dir()


def test_the_older_2024_snapshot_also_equals_its_oracle():
    """Same pins, the 2024 database: fewer advisories, still exactly the oracle's reading."""
    from deps_helpers import database_2024
    from deps_oracle import SNAPSHOT_2024, Oracle

    from bastion.deps.audit import audit
    from bastion.deps.model import Dependency

    oracle = Oracle(SNAPSHOT_2024)
    dependencies = [Dependency(p["name"], p["file"], 1, version=p["version"]) for p in PINS]
    database = AdvisoryDatabase(database_2024())
    try:
        results = audit(dependencies, database)
    finally:
        database.close()
    ours = {(r.dependency.key, r.dependency.version): {frozenset(v.ids): v.fix for v in r.vulnerabilities} for r in results}
    theirs = {(d.key, d.version): oracle.audit(d.name, d.version) for d in dependencies}
    assert ours == theirs
    newer = sum(len(oracle_2026().audit(d.name, d.version)) for d in dependencies)
    assert 0 < sum(len(v) for v in theirs.values()) < newer
