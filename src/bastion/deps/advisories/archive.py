"""Reading OSV records out of a published dump (a zip) or a directory, treating both as hostile.

Zip entries are checked before anything is read: no absolute paths, no `..`, no backslashes or drive
letters, a cap on the number of entries, on each entry's size (checked on the bytes actually read,
not the header's claim) and on the total.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True)
class Limits:
    max_entries: int = 200_000
    max_entry_bytes: int = 8 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024


DEFAULT_LIMITS = Limits()


class ArchiveError(Exception):
    """The dump cannot be trusted or read; the update stops and the previous database stays."""


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if name.startswith(("/", "\\")) or "\\" in name or ".." in path.parts or (len(name) > 1 and name[1] == ":"):
        raise ArchiveError(f"unsafe entry name {name!r} in the archive (path traversal)")


def zip_records(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, bytes]]:
    """(entry name, bytes) for every `.json` entry."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ArchiveError(f"not a readable zip archive: {error}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_entries:
            raise ArchiveError(f"archive has {len(entries)} entries, more than the {limits.max_entries} allowed")
        total = 0
        for info in entries:
            _check_name(info.filename)
            if info.is_dir() or not info.filename.endswith(".json"):
                continue
            if info.file_size > limits.max_entry_bytes:
                raise ArchiveError(f"entry {info.filename!r} is {info.file_size} bytes, over the {limits.max_entry_bytes} cap")
            try:
                with archive.open(info) as handle:
                    data = handle.read(limits.max_entry_bytes + 1)
            except (OSError, zipfile.BadZipFile, EOFError, ValueError) as error:  # zlib errors surface as these
                raise ArchiveError(f"cannot read entry {info.filename!r}: {error}") from None
            if len(data) > limits.max_entry_bytes:
                raise ArchiveError(f"entry {info.filename!r} expands beyond the {limits.max_entry_bytes} byte cap")
            total += len(data)
            if total > limits.max_total_bytes:
                raise ArchiveError(f"archive expands beyond {limits.max_total_bytes} bytes")
            yield info.filename, data


def directory_records(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Iterator[tuple[str, bytes]]:
    """(relative name, bytes) for every `.json` file below a directory; symlinks are not followed."""
    count = total = 0
    for directory, subdirectories, files in os.walk(path, followlinks=False):
        subdirectories.sort()
        for name in sorted(files):
            full = os.path.join(directory, name)
            if not name.endswith(".json") or os.path.islink(full):
                continue
            count += 1
            if count > limits.max_entries:
                raise ArchiveError(f"more than {limits.max_entries} records in {path}")
            with open(full, "rb") as handle:
                data = handle.read(limits.max_entry_bytes + 1)
            if len(data) > limits.max_entry_bytes:
                raise ArchiveError(f"{full} is over the {limits.max_entry_bytes} byte cap")
            total += len(data)
            if total > limits.max_total_bytes:
                raise ArchiveError(f"records in {path} exceed {limits.max_total_bytes} bytes")
            yield os.path.relpath(full, path), data
