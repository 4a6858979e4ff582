"""Where Bastion keeps what it downloads (the advisory database, the CPython release table): the
user cache directory, or BASTION_CACHE_DIR. Kept apart from the analyses so that asking costs no imports."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "BASTION_CACHE_DIR"
DATABASE_NAME = "advisories.sqlite3"
RELEASE_TABLE_NAME = "cpython.json"


def cache_directory() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("bastion", appauthor=False))


def default_database_path() -> Path:
    return cache_directory() / DATABASE_NAME


def release_table_path(directory: Path | None = None) -> Path:
    """The refreshed CPython release table (`bastion interpreter --update-table`)."""
    return (directory if directory is not None else cache_directory()) / RELEASE_TABLE_NAME
