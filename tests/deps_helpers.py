"""Shared by the dependency tests: advisory databases built once per machine and reused."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from deps_oracle import SNAPSHOT_2024, SNAPSHOT_2026, Oracle

from bastion.deps.advisories.database import SCHEMA_VERSION
from bastion.deps.advisories.update import build, records_from

DATA = Path(__file__).parent / "data" / "deps"
EVAL = DATA / "eval"


def _cached_build(snapshot: Path) -> Path:
    """Built once, then reused by later test runs while the snapshot and the layout are unchanged."""
    status = snapshot.stat()
    key = hashlib.sha256(f"{snapshot}:{status.st_size}:{status.st_mtime_ns}:{SCHEMA_VERSION}".encode()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"bastion-test-db-{os.getuid()}" / f"{key}.sqlite3"
    if not target.exists():
        build(records_from(snapshot), target, str(snapshot))
    return target


@cache
def database_2026() -> Path:
    return _cached_build(SNAPSHOT_2026)


@cache
def database_2024() -> Path:
    return _cached_build(SNAPSHOT_2024)


@cache
def oracle_2026() -> Oracle:
    return Oracle(SNAPSHOT_2026)
