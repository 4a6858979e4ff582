"""Building the advisory database safely, and OSV matching semantics on hand-made records."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from packaging.version import Version

from bastion.deps.advisories.archive import ArchiveError, Limits, zip_records
from bastion.deps.advisories.database import AdvisoryDatabase, DatabaseError
from bastion.deps.advisories.update import UpdateError, build, records_from
from bastion.deps.audit import merge_aliases
from bastion.deps.cvss import severity_for_score, v3_base_score, v4_base_score
from bastion.deps.matching import range_affects
from bastion.model import Severity


def record(identifier: str, name: str = "demo", *, events=None, versions=None, aliases=(), **extra) -> dict:
    affected = {"package": {"ecosystem": "PyPI", "name": name}}
    if events is not None:
        affected["ranges"] = [{"type": "ECOSYSTEM", "events": events}]
    if versions is not None:
        affected["versions"] = versions
    return {"id": identifier, "modified": "2026-01-01T00:00:00Z", "aliases": list(aliases), "affected": [affected], **extra}


def make_zip(path: Path, records: dict[str, object]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, value in records.items():
            archive.writestr(name, value if isinstance(value, (str, bytes)) else json.dumps(value))
    return path


def built(tmp_path: Path, *records_: dict) -> AdvisoryDatabase:
    archive = make_zip(tmp_path / "dump.zip", {f"{r['id']}.json": r for r in records_})
    build(records_from(archive), tmp_path / "db.sqlite3", "test")
    return AdvisoryDatabase(tmp_path / "db.sqlite3")


# -- matching ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "version", "expected"),
    [
        ([("introduced", "0"), ("fixed", "1.5")], "1.4.9", True),
        ([("introduced", "0"), ("fixed", "1.5")], "1.5", False),
        ([("introduced", "0"), ("fixed", "1.5")], "1.5rc1", True),  # pre-releases sort before the release
        ([("introduced", "0"), ("fixed", "1.5")], "1.4+local", True),
        ([("introduced", "1.0"), ("last_affected", "1.2")], "1.2", True),
        ([("introduced", "1.0"), ("last_affected", "1.2")], "1.2.post1", False),
        ([("introduced", "1.0"), ("last_affected", "1.2")], "0.9", False),
        ([("introduced", "0"), ("fixed", "1.1"), ("introduced", "2.0"), ("fixed", "2.0.3")], "1.5", False),
        ([("introduced", "0"), ("fixed", "1.1"), ("introduced", "2.0"), ("fixed", "2.0.3")], "2.0.2", True),
        ([("fixed", "2.0.3"), ("introduced", "2.0")], "2.0.1", True),  # order of events does not matter
        ([("introduced", "1.0"), ("limit", "1.3")], "1.4", False),
        ([("introduced", "1.0")], "99", True),
    ],
)
def test_range_semantics(events, version, expected):
    assert range_affects(tuple(events), Version(version)) is expected


def test_lists_and_ranges_both_match_and_names_are_normalised(tmp_path):
    database = built(
        tmp_path,
        record("PYSEC-9001-1", "Foo_Bar", versions=["1.0.0"]),
        record("PYSEC-9001-2", "foo.bar", events=[{"introduced": "2.0"}, {"fixed": "2.1"}], versions=["2.0"]),  # list out of date
    )
    found = database.lookup([("foo-bar", "1.0"), ("foo-bar", "2.0.5"), ("foo-bar", "2.1")])
    assert [a.id for a in found[("foo-bar", "1.0")]] == ["PYSEC-9001-1"]  # 1.0 == 1.0.0
    assert [a.id for a in found[("foo-bar", "2.0.5")]] == ["PYSEC-9001-2"]  # only the range covers it
    assert found[("foo-bar", "2.1")] == []


def test_withdrawn_invalid_and_other_ecosystems_are_skipped(tmp_path):
    archive = make_zip(tmp_path / "dump.zip", {
        "PYSEC-9002-1.json": record("PYSEC-9002-1", events=[{"introduced": "0"}]),
        "PYSEC-9003-1.json": record("PYSEC-9003-1", events=[{"introduced": "0"}], withdrawn="2025-01-01T00:00:00Z"),
        "BAD-1.json": {"id": "BAD-1", "modified": "not a time"},
        "BAD-2.json": record("PYSEC-9009-1", versions=["1.0", 2]),
        "BROKEN.json": "{not json",
        "PYSEC-9008-1.json": {"id": "PYSEC-9008-1", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "x"}}]},
        "README.md": "ignored",
    })
    report = build(records_from(archive), tmp_path / "db.sqlite3", "test")
    assert (report.advisories, report.withdrawn, report.other_ecosystems) == (1, 1, 1)
    assert sorted(name for name, _ in report.invalid) == ["BAD-1.json", "BAD-2.json", "BROKEN.json"]
    database = AdvisoryDatabase(tmp_path / "db.sqlite3")
    assert [a.id for a in database.lookup([("demo", "1.0")])[("demo", "1.0")]] == ["PYSEC-9002-1"]
    status = database.status()
    assert (status.advisories, status.withdrawn_skipped, status.invalid_skipped, status.packages) == (1, 1, 3, 1)


def test_real_snapshot_records_failing_the_schema_are_reported_not_fatal(tmp_path):
    from deps_oracle import SNAPSHOT_2026

    with zipfile.ZipFile(SNAPSHOT_2026) as source:
        picked = {name: source.read(name) for name in ("PYSEC-2019-155.json", "PYSEC-2021-335.json")}
    report = build(records_from(make_zip(tmp_path / "d.zip", picked)), tmp_path / "db.sqlite3", "test")
    assert [name for name, _ in report.invalid] == ["PYSEC-2019-155.json"]
    assert report.advisories == 1


def test_aliases_merge_and_the_fix_is_the_smallest_above(tmp_path):
    database = built(
        tmp_path,
        record("PYSEC-2000-1", events=[{"introduced": "0"}, {"fixed": "1.2"}, {"introduced": "2.0"}, {"fixed": "2.3"}], aliases=["CVE-2000-1"]),
        record("GHSA-aaaa-bbbb-cccc", events=[{"introduced": "0"}, {"fixed": "1.2.1"}, {"introduced": "2.0"}, {"fixed": "2.2"}], aliases=["CVE-2000-1"],
               summary="the flaw", severity=[{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]),
        record("PYSEC-2000-2", events=[{"introduced": "0"}, {"last_affected": "2.5"}]),
    )
    found = database.lookup([("demo", "2.1")])[("demo", "2.1")]
    flaws = merge_aliases(found, Version("2.1"))
    assert [(v.id, v.ids, v.aliases, v.fix, v.severity, v.summary) for v in flaws] == [
        ("PYSEC-2000-1", ("GHSA-aaaa-bbbb-cccc", "PYSEC-2000-1"), ("CVE-2000-1",), "2.3", Severity.CRITICAL, "the flaw"),
        ("PYSEC-2000-2", ("PYSEC-2000-2",), (), None, None, ""),
    ]


# -- safety -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../evil.json", "/etc/evil.json", "a/../../evil.json", "a\\..\\evil.json", "C:evil.json"])
def test_path_traversal_entries_abort_the_update(tmp_path, name):
    archive = make_zip(tmp_path / "dump.zip", {"PYSEC-9002-1.json": record("PYSEC-9002-1"), name: record("PYSEC-9005-1")})
    with pytest.raises(ArchiveError, match="path traversal"):
        list(zip_records(archive))


def test_size_and_count_caps(tmp_path):
    archive = make_zip(tmp_path / "dump.zip", {f"PYSEC-9004-{i}.json": record(f"PYSEC-9004-{i}") for i in range(5)})
    with pytest.raises(ArchiveError, match="entries"):
        list(zip_records(archive, Limits(max_entries=3)))
    with pytest.raises(ArchiveError, match="cap"):
        list(zip_records(archive, Limits(max_entry_bytes=50)))
    with pytest.raises(ArchiveError, match="expands beyond"):
        list(zip_records(archive, Limits(max_total_bytes=300)))


def test_a_zip_bomb_entry_is_stopped_at_the_cap(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("BOMB.json", b" " * 20_000_000)
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    with pytest.raises(ArchiveError):
        list(zip_records(tmp_path / "bomb.zip"))


def test_a_failed_update_keeps_the_previous_database(tmp_path):
    database = built(tmp_path, record("PYSEC-9002-1"))
    database.close()
    before = (tmp_path / "db.sqlite3").read_bytes()
    bad = make_zip(tmp_path / "bad.zip", {"PYSEC-9002-2.json": record("PYSEC-9002-2"), "../x.json": record("PYSEC-9006-1")})
    with pytest.raises(UpdateError):
        build(records_from(bad), tmp_path / "db.sqlite3", "bad")
    empty = make_zip(tmp_path / "empty.zip", {"README.md": "nothing"})
    with pytest.raises(UpdateError, match="no valid PyPI advisories"):
        build(records_from(empty), tmp_path / "db.sqlite3", "empty")
    (tmp_path / "notazip.zip").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(UpdateError):
        build(records_from(tmp_path / "notazip.zip"), tmp_path / "db.sqlite3", "broken")
    assert (tmp_path / "db.sqlite3").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.zip", "db.sqlite3", "dump.zip", "empty.zip", "notazip.zip"]


def test_directory_source_and_symlinks(tmp_path):
    records = tmp_path / "records"
    records.mkdir()
    (records / "PYSEC-9002-1.json").write_text(json.dumps(record("PYSEC-9002-1")))
    (tmp_path / "outside.json").write_text(json.dumps(record("PYSEC-9007-1")))
    (records / "link.json").symlink_to(tmp_path / "outside.json")
    report = build(records_from(records), tmp_path / "db.sqlite3", "dir")
    assert report.advisories == 1


def test_missing_or_foreign_database_is_an_error(tmp_path):
    with pytest.raises(DatabaseError, match="bastion db update"):
        AdvisoryDatabase(tmp_path / "none.sqlite3")
    sqlite3.connect(tmp_path / "other.sqlite3").execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.commit()
    with pytest.raises(DatabaseError):
        AdvisoryDatabase(tmp_path / "other.sqlite3")


# -- severity ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vector", "score"),
    [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.8),
        ("CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:C/C:L/I:L/A:N", 4.9),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
        ("CVSS:3.1/AV:X/AC:L", None),
    ],
)
def test_cvss_v3_base_scores(vector, score):
    assert v3_base_score(vector) == score


def test_cvss_v4_and_ratings():
    assert v4_base_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N") == 9.3
    assert v4_base_score("CVSS:4.0/garbage") is None
    assert [severity_for_score(s) for s in (9.0, 8.9, 4.0, 0.1, 0.0)] == [
        Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO,
    ]


# -- the matcher against the oracle's interval reading, on generated ranges ------------------------

VERSIONS = ["0.9", "1.0rc1", "1.0", "1.0+local", "1.0.post1", "1.1", "2.0.dev1", "2.0", "2.5", "3"]


def test_range_matching_agrees_with_the_oracle_on_generated_ranges():
    """Seeded random ranges (ties, repeats, events in any order, a limit) read both ways. As the OSV
    format requires, a range closes with `fixed` or with `last_affected` events, never both."""
    import random

    from deps_oracle import in_intervals, intervals

    rng = random.Random(440)
    for _ in range(4000):
        kinds = ("introduced", rng.choice(("fixed", "last_affected")))
        events = [(rng.choice(kinds), rng.choice(VERSIONS)) for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.5:
            events.insert(0, ("introduced", "0"))
        limits = [rng.choice(VERSIONS)] if rng.random() < 0.2 else []
        version = Version(rng.choice(VERSIONS))
        ours = range_affects(tuple(events) + tuple(("limit", v) for v in limits), version)
        spans = intervals([{kind: value} for kind, value in events] + [{"limit": v} for v in limits])
        assert ours == in_intervals(version, spans), (events, limits, version)
