"""The local advisory database: SQLite built by `bastion db update`, read offline by every scan."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bastion.deps.advisories.records import PackageEntry, package_entries, references, score_and_severity
from bastion.deps.matching import Affected, normal_version, parse_version
from bastion.deps.model import Advisory
from bastion.model import Severity

SCHEMA_VERSION = "1"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE advisory (
    id TEXT PRIMARY KEY, aliases TEXT NOT NULL, summary TEXT NOT NULL, details TEXT NOT NULL,
    severity INTEGER, score REAL, vectors TEXT NOT NULL, published TEXT NOT NULL, modified TEXT NOT NULL,
    refs TEXT NOT NULL
);
CREATE TABLE affected (advisory_id TEXT NOT NULL, name TEXT NOT NULL, ranges TEXT NOT NULL, versions TEXT NOT NULL);
"""
INDEX = "CREATE INDEX affected_name ON affected(name);"
STALE_AFTER_DAYS = 7


class DatabaseError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Status:
    path: str
    source: str
    built_at: datetime
    advisories: int
    packages: int
    withdrawn_skipped: int
    invalid_skipped: int
    newest_record: str

    @property
    def age_days(self) -> float:
        return (datetime.now(UTC) - self.built_at).total_seconds() / 86400

    @property
    def stale(self) -> bool:
        return self.age_days > STALE_AFTER_DAYS


# -- writing --------------------------------------------------------------------------------------


class Writer:
    """Fills a fresh database file; the caller moves it into place when everything succeeded."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(path)
        self.connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self.advisory_rows: list[tuple] = []
        self.affected_rows: list[tuple] = []
        self.packages: set[str] = set()
        self.newest = ""

    def add(self, record: dict) -> bool:
        """Store a validated, non-withdrawn record; False when it names no PyPI package."""
        entries = package_entries(record)
        if not entries:
            return False
        score, severity, vectors = score_and_severity(record)
        aliases = [a for a in record.get("aliases") or [] if isinstance(a, str) and a != record["id"]]
        modified = str(record.get("modified", ""))
        self.newest = max(self.newest, modified)
        self.advisory_rows.append((
            record["id"], json.dumps(aliases), str(record.get("summary") or ""), str(record.get("details") or "")[:4000],
            int(severity) if severity is not None else None, score, json.dumps(vectors),
            str(record.get("published", "")), modified, json.dumps(references(record)),
        ))
        for entry in entries:
            self.packages.add(entry.name)
            self.affected_rows.append(_affected_row(entry))
        if len(self.affected_rows) > 5000:
            self._flush()
        return True

    def _flush(self) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO advisory VALUES (?,?,?,?,?,?,?,?,?,?)", self.advisory_rows)
        self.connection.executemany("INSERT INTO affected VALUES (?,?,?,?)", self.affected_rows)
        self.advisory_rows, self.affected_rows = [], []

    def finish(self, meta: dict[str, str]) -> None:
        self._flush()
        meta = {**meta, "schema": SCHEMA_VERSION, "packages": str(len(self.packages)), "newest_record": self.newest}
        self.connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        self.connection.execute(INDEX)
        self.connection.commit()
        self.connection.close()

    def abort(self) -> None:
        self.connection.close()


def _affected_row(entry: PackageEntry) -> tuple:
    affected = entry.affected
    return (affected.advisory_id, entry.name, json.dumps([list(map(list, events)) for events in affected.ranges]), affected.listed.strip("\n"))


# -- reading --------------------------------------------------------------------------------------


class AdvisoryDatabase:
    """Read-only access; also the `local` advisory service."""

    name = "local"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise DatabaseError(f"no advisory database at {self.path}; run `bastion db update`")
        try:
            self.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self.connection.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as error:
            raise DatabaseError(f"cannot read the advisory database {self.path}: {error}") from None
        if self.meta.get("schema") != SCHEMA_VERSION:
            raise DatabaseError(f"the advisory database {self.path} has an older layout; run `bastion db update`")
        self._entries: dict[str, list[Affected]] = {}
        self._advisories: dict[str, Advisory] = {}

    def close(self) -> None:
        self.connection.close()

    def status(self) -> Status:
        meta = self.meta
        return Status(
            path=str(self.path), source=meta.get("source", "?"), built_at=datetime.fromisoformat(meta["built_at"]),
            advisories=int(meta.get("advisories", 0)), packages=int(meta.get("packages", 0)),
            withdrawn_skipped=int(meta.get("withdrawn", 0)), invalid_skipped=int(meta.get("invalid", 0)),
            newest_record=meta.get("newest_record", ""),
        )

    def entries(self, names: Iterable[str]) -> dict[str, list[Affected]]:
        """The `affected[]` entries naming each canonical package name."""
        names = list(names)
        wanted = [n for n in set(names) if n not in self._entries]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for name in chunk:
                self._entries[name] = []
            marks = ",".join("?" * len(chunk))
            for advisory_id, name, ranges, versions in self.connection.execute(
                f"SELECT advisory_id, name, ranges, versions FROM affected WHERE name IN ({marks})", chunk
            ):
                events = tuple(tuple((kind, value) for kind, value in r) for r in json.loads(ranges))
                self._entries[name].append(Affected(advisory_id, events, f"\n{versions}\n" if versions else ""))
        return {name: self._entries.get(name, []) for name in names}

    def advisories(self, ids: Iterable[str]) -> dict[str, Advisory]:
        ids = list(ids)
        wanted = [i for i in set(ids) if i not in self._advisories]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.connection.execute(f"SELECT * FROM advisory WHERE id IN ({marks})", chunk):
                advisory_id, aliases, summary, details, severity, score, vectors, published, modified, refs = row
                self._advisories[advisory_id] = Advisory(
                    advisory_id, tuple(json.loads(aliases)), summary, details,
                    Severity(severity) if severity is not None else None, score, tuple(json.loads(vectors)), (),
                    published, modified, tuple(json.loads(refs)),
                )
        return {i: self._advisories[i] for i in ids if i in self._advisories}

    def lookup(self, packages: Sequence[tuple[str, str]]) -> dict[tuple[str, str], list[Advisory]]:
        """Advisories affecting each (canonical name, version); `fixed` lists the record's fixes."""
        entries = self.entries(name for name, _ in packages)
        matched: dict[tuple[str, str], list[tuple[str, tuple[str, ...]]]] = {}
        for name, version_text in packages:
            version = parse_version(version_text)
            if version is None:
                continue
            hits: dict[str, list[Affected]] = {}
            normal = normal_version(version_text)
            for entry in entries[name]:
                if entry.affects(version, normal):
                    hits.setdefault(entry.advisory_id, []).append(entry)
            matched[(name, version_text)] = [
                (advisory_id, tuple(str(v) for e in group for v in e.fixed_versions())) for advisory_id, group in hits.items()
            ]
        details = self.advisories(advisory_id for found in matched.values() for advisory_id, _ in found)
        result: dict[tuple[str, str], list[Advisory]] = {}
        for key, found in matched.items():
            result[key] = [details[a].with_fixed(fixed) for a, fixed in found if a in details]
        return result


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


__all__ = ["AdvisoryDatabase", "DatabaseError", "Status", "Writer", "normal_version", "now_iso"]
